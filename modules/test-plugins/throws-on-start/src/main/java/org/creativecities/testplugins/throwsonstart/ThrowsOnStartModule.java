package org.creativecities.testplugins.throwsonstart;

import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.pf4j.Extension;

/** A plugin whose start always fails. */
@Extension
public class ThrowsOnStartModule implements CommonsModule {

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Throws on start").build();
    }

    @Override
    public void start(ModuleContext context) {
        throw new IllegalStateException("cannot start on purpose");
    }

    @Override
    public void stop() {
        // nothing was started
    }
}
