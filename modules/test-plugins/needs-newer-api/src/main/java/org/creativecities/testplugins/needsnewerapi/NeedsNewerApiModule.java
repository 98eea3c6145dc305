package org.creativecities.testplugins.needsnewerapi;

import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.pf4j.Extension;

/** A plugin the host must refuse to install (see its manifest); its code is ordinary. */
@Extension
public class NeedsNewerApiModule implements CommonsModule {

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("NeedsNewerApi").build();
    }

    @Override
    public void start(ModuleContext context) {
        context.logger().info("started");
    }

    @Override
    public void stop() {
        // nothing to release
    }
}
