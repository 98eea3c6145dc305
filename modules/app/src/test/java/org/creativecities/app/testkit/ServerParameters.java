package org.creativecities.app.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The part shared by the extensions that hand a booted server to tests: the server boots before the first test
 * class that uses the extension, and test methods, constructors and {@code @BeforeAll} methods may declare a
 * {@link PackagedServer} or an {@link Api} parameter.
 */
public abstract class ServerParameters implements BeforeAllCallback, ParameterResolver {

    /** The extension's server for this run, booting it on first use. */
    protected abstract PackagedServer server(ExtensionContext context);

    /** Takes one of the run's two permits to work ({@link RunningClasses}), then boots the server if need be. */
    @Override
    public void beforeAll(ExtensionContext context) {
        RunningClasses.enter(context);
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == PackagedServer.class || type == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        PackagedServer server = server(extension);
        return parameter.getParameter().getType() == Api.class ? server.api() : server;
    }
}
