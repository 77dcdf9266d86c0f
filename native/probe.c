/*
 * probe.c — prints what gcc says about every struct size, field offset and constant ffsock's Java
 * side uses, so that BindingsProbeTest can compare them with the generated bindings (and with the
 * hand-written Java constants).
 *
 * Compiled with _GNU_SOURCE, so the GNU-only items ffsock.h declares by hand are NOT seen here:
 * glibc's own declarations are, which is what makes this a check of the hand-written ones.
 *
 * The items are not listed here: the test generates probe_items.h (one macro call per item) from
 * includes.txt and the layouts, and passes its directory with -I. Output, one item a line:
 *
 *   size struct_TAG N        sizeof(struct TAG)          (size union_TAG N for unions)
 *   offset TAG.PATH N        offsetof(struct TAG, PATH)  (PATH may be nested: a.b.c)
 *   msize TAG.PATH N         sizeof that member
 *   const NAME VALUE         the constant, as long long
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "ffsock.h"
#include <signal.h> /* struct sigaction: declared by hand in the Java side (internal.Wakeup) */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#define SIZE(tag) printf("size struct_%s %zu\n", #tag, sizeof(struct tag));
#define USIZE(tag) printf("size union_%s %zu\n", #tag, sizeof(union tag));
#define OFF(tag, path) printf("offset %s.%s %zu\n", #tag, #path, offsetof(struct tag, path));
#define UOFF(tag, path) printf("offset %s.%s %zu\n", #tag, #path, offsetof(union tag, path));
#define MSIZE(tag, path) printf("msize %s.%s %zu\n", #tag, #path, sizeof(((struct tag *) 0)->path));
#define UMSIZE(tag, path) printf("msize %s.%s %zu\n", #tag, #path, sizeof(((union tag *) 0)->path));
#define CONST(name) printf("const %s %lld\n", #name, (long long) (name));

/*
 * struct epoll_event as every 64-bit architecture but x86_64 declares it (no packed attribute),
 * so that the test can check ArchLayouts' natural-alignment layout on this machine too.
 */
struct ffsock_epoll_event_natural {
    uint32_t events;
    epoll_data_t data;
};

int main(void) {
#include "probe_items.h"
    return 0;
}
