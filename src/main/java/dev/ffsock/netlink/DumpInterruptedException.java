package dev.ffsock.netlink;

import java.io.IOException;
import java.util.List;

/**
 * A dump was marked NLM_F_DUMP_INTR: the kernel's set changed while it was being dumped, so the
 * result may be inconsistent. Carries what was received; {@link NetlinkConnection#dumpConsistent}
 * retries until a dump is clean.
 */
public class DumpInterruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<?> partial;

    /**
     * A dump the kernel marked NLM_F_DUMP_INTR, with what it had sent.
     *
     * @param request the request's name
     * @param partial what was received before the kernel marked the dump
     */
    public DumpInterruptedException(String request, List<?> partial) {
        super(request + ": dump interrupted (NLM_F_DUMP_INTR): the set changed during the dump");
        this.partial = partial == null ? List.of() : List.copyOf(partial);
    }

    /** {@return the objects received before and after the interruption (possibly inconsistent)} */
    public List<?> partial() {
        return partial;
    }
}
