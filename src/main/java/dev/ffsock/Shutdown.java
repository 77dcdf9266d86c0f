package dev.ffsock;

/** Which direction {@link Socket#shutdown(Shutdown)} shuts down ({@code SHUT_RD}, {@code SHUT_WR}, {@code SHUT_RDWR}). */
public enum Shutdown {
    /** SHUT_RD: no more receptions. */
    READ(0),
    /** SHUT_WR: no more transmissions (sends FIN on TCP). */
    WRITE(1),
    /** SHUT_RDWR: both. */
    BOTH(2);

    private final int how;

    Shutdown(int how) {
        this.how = how;
    }

    /** {@return the C value (SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2)} */
    public int how() {
        return how;
    }
}
