/** The consumer check's module: on the module path it reads dev.ffsock like any library user's module. */
module dev.ffsock.consumer {
    requires dev.ffsock;
}
