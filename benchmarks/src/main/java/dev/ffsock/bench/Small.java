package dev.ffsock.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Base of the per-contender states of the single-size cases: 64-byte messages unless overridden with -p size=. */
@State(Scope.Thread)
public abstract class Small {
    /** Message size in bytes. */
    @Param({"64"})
    public int size;
}
