/**
 * io_uring, driven straight through its system calls (io_uring_setup, io_uring_enter,
 * io_uring_register; no liburing): {@link dev.ffsock.uring.IoUring} opens a ring
 * ({@link dev.ffsock.uring.UringOptions}), prepares typed operations (accept, connect, recv, send,
 * send_zc, sendmsg, recvmsg, read, write, close, shutdown, poll, timeouts, cancel, nop; multishot
 * accept/recv/poll; linked entries; registered files and buffers), submits, waits and hands each
 * completion to a {@link dev.ffsock.uring.CompletionHandler} without allocating.
 * {@link dev.ffsock.uring.BufferRing} is a provided-buffer ring for multishot receives.
 */
package dev.ffsock.uring;
