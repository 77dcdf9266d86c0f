package dev.ffsock.netlink.netfilter.nft;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An nf_tables rule: its expressions in order, and nft's user data (where {@code comment "…"} is
 * kept).
 *
 * @param family   NFPROTO_* of its table
 * @param table    its table's name
 * @param chain    its chain's name
 * @param handle   the kernel's handle (0 in a rule not yet added)
 * @param position the handle of the rule before it in the chain, or 0 for the first
 * @param exprs    the expressions
 * @param userdata nft's user data (TLVs), or null
 */
public record NftRule(int family, String table, String chain, long handle, long position, List<NftExpr> exprs,
                      byte[] userdata) {
    /** nft's user-data TLV type of a rule comment (NFTNL_UDATA_RULE_COMMENT). */
    public static final int UDATA_COMMENT = 0;

    /** Checks and copies. */
    public NftRule {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(chain, "chain");
        exprs = List.copyOf(exprs);
        userdata = userdata == null ? null : userdata.clone();
    }

    /**
     * {@return the comment nft keeps in the user data (a TLV of type {@link #UDATA_COMMENT}), or null}
     */
    public String comment() {
        if (userdata == null) return null;
        for (int i = 0; i + 2 <= userdata.length; ) {
            int type = userdata[i] & 0xff, len = userdata[i + 1] & 0xff;
            if (i + 2 + len > userdata.length) return null;
            if (type == UDATA_COMMENT) {
                int n = 0;
                while (n < len && userdata[i + 2 + n] != 0) n++;
                return new String(userdata, i + 2, n, StandardCharsets.UTF_8);
            }
            i += 2 + len;
        }
        return null;
    }

    /**
     * {@return nft's user data for a comment: one TLV of type {@link #UDATA_COMMENT}, NUL-terminated}
     *
     * @param comment the comment, at most 127 UTF-8 bytes (nft's limit)
     * @throws IllegalArgumentException if longer
     */
    public static byte[] commentUserdata(String comment) {
        byte[] c = comment.getBytes(StandardCharsets.UTF_8);
        if (c.length > 127) throw new IllegalArgumentException("a comment is at most 127 bytes: " + c.length);
        byte[] u = new byte[c.length + 3];
        u[0] = UDATA_COMMENT;
        u[1] = (byte) (c.length + 1);
        System.arraycopy(c, 0, u, 2, c.length);
        return u;
    }

    /** {@return a copy of the user data, or null} */
    @Override
    public byte[] userdata() {
        return userdata == null ? null : userdata.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NftRule r && family == r.family && table.equals(r.table) && chain.equals(r.chain)
                && handle == r.handle && position == r.position && exprs.equals(r.exprs) && Arrays.equals(userdata, r.userdata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, table, chain, handle, position, exprs) * 31 + Arrays.hashCode(userdata);
    }

    @Override
    public String toString() {
        return "NftRule[family=" + family + ", table=" + table + ", chain=" + chain + ", handle=" + handle + ", exprs=" + exprs + "]";
    }
}
