package dev.ffsock.netlink.route;

/**
 * A link's hardware type ({@code ifi_type}, {@code ARPHRD_*}), named as {@code ip link} prints
 * it after {@code link/}: {@code ether}, {@code loopback}, {@code none}, {@code ipip}, {@code sit},
 * {@code gre}, {@code gre6}, … (iproute2's ll_types); unknown types print as {@code [N]}.
 *
 * @param value the ARPHRD number
 */
public record LinkType(int value) {
    /** {@code ether} (ARPHRD_ETHER). */
    public static final LinkType ETHER = new LinkType(1);
    /** {@code loopback} (ARPHRD_LOOPBACK). */
    public static final LinkType LOOPBACK = new LinkType(772);
    /** {@code none} (ARPHRD_NONE): links without a link layer (tun, wireguard). */
    public static final LinkType NONE = new LinkType(0xFFFE);

    /** {@return the name {@code ip} prints, or {@code [N]}} */
    public String name() {
        return switch (value) {
            case 0 -> "netrom";
            case 1 -> "ether";
            case 2 -> "eether";
            case 3 -> "ax25";
            case 4 -> "pronet";
            case 5 -> "chaos";
            case 6 -> "ieee802";
            case 7 -> "arcnet";
            case 8 -> "atalk";
            case 15 -> "dlci";
            case 19 -> "atm";
            case 23 -> "metricom";
            case 24 -> "ieee1394";
            case 32 -> "infiniband";
            case 256 -> "slip";
            case 257 -> "cslip";
            case 258 -> "slip6";
            case 259 -> "cslip6";
            case 260 -> "rsrvd";
            case 264 -> "adapt";
            case 270 -> "rose";
            case 271 -> "x25";
            case 272 -> "hwx25";
            case 280 -> "can";
            case 512 -> "ppp";
            case 513 -> "hdlc";
            case 516 -> "lapb";
            case 517 -> "ddcmp";
            case 518 -> "rawhdlc";
            case 768 -> "ipip";
            case 769 -> "tunnel6";
            case 770 -> "frad";
            case 771 -> "skip";
            case 772 -> "loopback";
            case 773 -> "ltalk";
            case 774 -> "fddi";
            case 775 -> "bif";
            case 776 -> "sit";
            case 777 -> "ip/ddp";
            case 778 -> "gre";
            case 779 -> "pimreg";
            case 780 -> "hippi";
            case 781 -> "ash";
            case 782 -> "econet";
            case 783 -> "irda";
            case 784 -> "fcpp";
            case 785 -> "fcal";
            case 786 -> "fcpl";
            case 787 -> "fcfb0";
            case 800 -> "tr";
            case 801 -> "ieee802.11";
            case 802 -> "ieee802.11/prism";
            case 803 -> "ieee802.11/radiotap";
            case 804 -> "ieee802.15.4";
            case 805 -> "ieee802.15.4/monitor";
            case 820 -> "phonet";
            case 821 -> "phonet_pipe";
            case 822 -> "caif";
            case 823 -> "gre6";
            case 824 -> "netlink";
            case 825 -> "6lowpan";
            case 0xFFFE -> "none";
            case 0xFFFF -> "void";
            default -> value > 787 && value <= 799 ? "fcfb" + (value - 787) : "[" + value + "]";
        };
    }

    /** {@return {@link #name()}} */
    @Override
    public String toString() {
        return name();
    }
}
