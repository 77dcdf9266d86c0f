package dev.ffsock.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Base of the per-contender states of the ping-pong cases: the message size in bytes. */
@State(Scope.Thread)
public abstract class Sized {
    /** Message size in bytes (UDP clamps 65536 to {@link Io#MAX_UDP_PAYLOAD}). */
    @Param({"1", "64", "1024", "65536"})
    public int size;
}
