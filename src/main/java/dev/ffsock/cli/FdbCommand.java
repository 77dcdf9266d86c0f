package dev.ffsock.cli;

/** {@code ffsock fdb}: the bridge forwarding database, {@code ffsock bridge fdb} by a shorter name. */
final class FdbCommand implements Command {
    @Override
    public String name() {
        return "fdb";
    }

    @Override
    public String summary() {
        return "bridge forwarding database (like bridge fdb)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock fdb [show] [br BRIDGE] [brport DEV] [--json]
                       ffsock fdb add|replace|del MAC dev DEV [self] [master] [router] [extern_learn]
                                  [sticky] [permanent|static|dynamic] [vlan VID] [dst IP]

                The same as 'ffsock bridge fdb ...' (see 'ffsock help bridge'): the forwarding
                database of bridges, as 'bridge fdb' shows and changes it. With --json, the array
                'bridge -j fdb show' prints.

                options:
                """ + RtnlOptions.USAGE;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Words w = new Words(args);
        if (w.common.help) {
            io.out().print(usage());
            return 0;
        }
        try {
            BridgeCommand.fdb(w, io);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }
}
