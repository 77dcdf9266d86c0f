package dev.ffsock.bench.servers;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.channels.spi.SelectorProvider;

/**
 * ffsock's NIO {@code SelectorProvider}, looked up at run time: the class
 * {@code dev.ffsock.nio.FfsockSelectorProvider} is not in every ffsock build.
 */
final class FfsockProvider {
    static final String CLASS = "dev.ffsock.nio.FfsockSelectorProvider";

    private FfsockProvider() {
    }

    /** {@return the provider: a static no-argument method returning it, else a public constructor} */
    static SelectorProvider lookUp() throws EchoServers.Unavailable {
        Class<?> c;
        try {
            c = Class.forName(CLASS);
        } catch (ClassNotFoundException e) {
            throw new EchoServers.Unavailable(CLASS + " is not in this ffsock build");
        }
        try {
            for (Method m : c.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                        && SelectorProvider.class.isAssignableFrom(m.getReturnType())) {
                    return (SelectorProvider) m.invoke(null);
                }
            }
            return (SelectorProvider) c.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new EchoServers.Unavailable("cannot make a " + CLASS + ": " + e, e);
        }
    }
}
