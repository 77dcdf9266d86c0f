package dev.ffsock.netlink.netfilter.nft;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One expression of an nf_tables rule, typed after its kernel attributes ({@code NFTA_<NAME>_*} of
 * linux/netfilter/nf_tables.h). Registers are the kernel's numbers ({@link Nft#NFT_REG_VERDICT},
 * {@link Nft#NFT_REG_1}…, {@link Nft#NFT_REG32_00}…). A numeric field the kernel did not send is
 * {@link #ABSENT}; an expression ffsock does not model is kept whole as {@link Unknown}.
 * {@link NftNetlinkText#expression(NftExpr)} prints one as {@code nft --debug=netlink} does.
 */
public sealed interface NftExpr {
    /** A numeric attribute that is not present. */
    int ABSENT = -1;

    /** {@return the expression's kernel name (NFTA_EXPR_NAME): "meta", "payload", …} */
    String name();

    /**
     * {@code meta}: loads a packet meta key into {@code dreg}, or sets it from {@code sreg}.
     *
     * @param key  NFT_META_* (e.g. {@link Nft#NFT_META_L4PROTO})
     * @param dreg destination register, or {@link #ABSENT}
     * @param sreg source register, or {@link #ABSENT}
     */
    record Meta(int key, int dreg, int sreg) implements NftExpr {
        /** {@return "meta"} */
        public String name() {
            return "meta";
        }
    }

    /**
     * {@code payload}: loads {@code len} bytes at {@code offset} of a header into {@code dreg}, or
     * writes them from {@code sreg} (then with checksum fix-up fields).
     *
     * @param dreg       destination register, or {@link #ABSENT}
     * @param base       NFT_PAYLOAD_LL_HEADER, _NETWORK_HEADER, _TRANSPORT_HEADER, _INNER_HEADER
     * @param offset     offset in the header
     * @param len        bytes
     * @param sreg       source register of a write, or {@link #ABSENT}
     * @param csumType   NFT_PAYLOAD_CSUM_*, or {@link #ABSENT}
     * @param csumOffset checksum offset, or {@link #ABSENT}
     * @param csumFlags  NFT_PAYLOAD_L4CSUM_PSEUDOHDR, or {@link #ABSENT}
     */
    record Payload(int dreg, int base, int offset, int len, int sreg, int csumType, int csumOffset, int csumFlags)
            implements NftExpr {
        /**
         * {@return a load}
         *
         * @param base   the header
         * @param offset offset in it
         * @param len    bytes
         * @param dreg   destination register
         */
        public static Payload load(int base, int offset, int len, int dreg) {
            return new Payload(dreg, base, offset, len, ABSENT, ABSENT, ABSENT, ABSENT);
        }

        /** {@return "payload"} */
        public String name() {
            return "payload";
        }
    }

    /**
     * {@code cmp}: compares {@code sreg} with {@code data}; the rule ends here when false.
     *
     * @param sreg the register
     * @param op   NFT_CMP_EQ, _NEQ, _LT, _LTE, _GT, _GTE
     * @param data the value compared with
     */
    record Cmp(int sreg, int op, NftData.Value data) implements NftExpr {
        /** Checks {@code data}. */
        public Cmp {
            Objects.requireNonNull(data, "data");
        }

        /** {@return "cmp"} */
        public String name() {
            return "cmp";
        }
    }

    /**
     * {@code immediate}: loads a value or verdict into {@code dreg} ({@link Nft#NFT_REG_VERDICT} for
     * a verdict).
     *
     * @param dreg destination register
     * @param data the value or verdict
     */
    record Immediate(int dreg, NftData data) implements NftExpr {
        /** Checks {@code data}. */
        public Immediate {
            Objects.requireNonNull(data, "data");
        }

        /**
         * {@return the verdict statement {@code immediate reg 0 VERDICT}}
         *
         * @param verdict the verdict
         */
        public static Immediate verdict(NftData verdict) {
            return new Immediate(Nft.NFT_REG_VERDICT, verdict);
        }

        /** {@return "immediate"} */
        public String name() {
            return "immediate";
        }
    }

    /**
     * {@code bitwise}: {@code dreg = (sreg & mask) ^ xor} (op NFT_BITWISE_BOOL) or a shift of
     * {@code sreg} by {@code data} (NFT_BITWISE_LSHIFT, _RSHIFT).
     *
     * @param sreg source register
     * @param dreg destination register
     * @param len  bytes
     * @param op   NFT_BITWISE_*, or {@link #ABSENT} (BOOL)
     * @param mask the mask, or null
     * @param xor  the xor, or null
     * @param data the shift, or null
     */
    record Bitwise(int sreg, int dreg, int len, int op, NftData.Value mask, NftData.Value xor, NftData.Value data)
            implements NftExpr {
        /** {@return "bitwise"} */
        public String name() {
            return "bitwise";
        }
    }

    /**
     * {@code counter}: packets and bytes.
     *
     * @param packets packets counted
     * @param bytes   bytes counted
     */
    record Counter(long packets, long bytes) implements NftExpr {
        /** {@return "counter"} */
        public String name() {
            return "counter";
        }
    }

    /**
     * {@code ct}: loads a conntrack key into {@code dreg}, or sets it from {@code sreg}.
     *
     * @param key       NFT_CT_* (e.g. {@link Nft#NFT_CT_STATE})
     * @param dreg      destination register, or {@link #ABSENT}
     * @param sreg      source register, or {@link #ABSENT}
     * @param direction IP_CT_DIR_ORIGINAL (0) or _REPLY (1), or {@link #ABSENT}
     */
    record Ct(int key, int dreg, int sreg, int direction) implements NftExpr {
        /** {@return "ct"} */
        public String name() {
            return "ct";
        }
    }

    /**
     * {@code lookup}: looks {@code sreg} up in a set (or map: the data goes to {@code dreg}).
     *
     * @param set   the set's name
     * @param setId the set's transaction id (NFTA_LOOKUP_SET_ID, when the set is made in the same batch), or {@link #ABSENT}
     * @param sreg  the key register
     * @param dreg  the data register of a map, or {@link #ABSENT}
     * @param flags NFT_LOOKUP_F_INV, or {@link #ABSENT}
     */
    record Lookup(String set, int setId, int sreg, int dreg, int flags) implements NftExpr {
        /** Checks {@code set}. */
        public Lookup {
            Objects.requireNonNull(set, "set");
        }

        /** {@return "lookup"} */
        public String name() {
            return "lookup";
        }
    }

    /**
     * {@code nat}: source or destination NAT to the addresses and ports in registers.
     *
     * @param type        NFT_NAT_SNAT or NFT_NAT_DNAT
     * @param family      NFPROTO_IPV4 or _IPV6
     * @param regAddrMin  register of the lowest address, or {@link #ABSENT}
     * @param regAddrMax  register of the highest address, or {@link #ABSENT}
     * @param regProtoMin register of the lowest port, or {@link #ABSENT}
     * @param regProtoMax register of the highest port, or {@link #ABSENT}
     * @param flags       NF_NAT_RANGE_* flags, or {@link #ABSENT}
     */
    record Nat(int type, int family, int regAddrMin, int regAddrMax, int regProtoMin, int regProtoMax, int flags)
            implements NftExpr {
        /** {@return "nat"} */
        public String name() {
            return "nat";
        }
    }

    /**
     * {@code limit}: a token bucket.
     *
     * @param rate  packets or bytes per unit
     * @param unit  the unit in seconds (1, 60, 3600, 86400, 604800)
     * @param burst the burst
     * @param type  NFT_LIMIT_PKTS or NFT_LIMIT_PKT_BYTES
     * @param flags NFT_LIMIT_F_INV, or 0
     */
    record Limit(long rate, long unit, int burst, int type, int flags) implements NftExpr {
        /** {@return "limit"} */
        public String name() {
            return "limit";
        }
    }

    /**
     * {@code log}: to the kernel log (level) or to an nflog group.
     *
     * @param prefix     the prefix, or null
     * @param group      the nflog group, or {@link #ABSENT}
     * @param snaplen    bytes copied to nflog, or {@link #ABSENT}
     * @param qthreshold nflog queue threshold, or {@link #ABSENT}
     * @param level      syslog level, or {@link #ABSENT}
     * @param flags      NF_LOG_* flags, or {@link #ABSENT}
     */
    record Log(String prefix, int group, int snaplen, int qthreshold, int level, int flags) implements NftExpr {
        /** {@return "log"} */
        public String name() {
            return "log";
        }
    }

    /**
     * {@code reject}: answers with an ICMP error or a TCP reset.
     *
     * @param type NFT_REJECT_ICMP_UNREACH, _TCP_RST, _ICMPX_UNREACH
     * @param code the ICMP (or ICMPX) code
     */
    record Reject(int type, int code) implements NftExpr {
        /** {@return "reject"} */
        public String name() {
            return "reject";
        }
    }

    /**
     * {@code range}: whether {@code sreg} lies in [from, to].
     *
     * @param sreg the register
     * @param op   NFT_RANGE_EQ or _NEQ
     * @param from the low end
     * @param to   the high end
     */
    record Range(int sreg, int op, NftData.Value from, NftData.Value to) implements NftExpr {
        /** Checks the ends. */
        public Range {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** {@return "range"} */
        public String name() {
            return "range";
        }
    }

    /**
     * {@code masq}: masquerade.
     *
     * @param flags       NF_NAT_RANGE_* flags, or {@link #ABSENT}
     * @param regProtoMin register of the lowest port, or {@link #ABSENT}
     * @param regProtoMax register of the highest port, or {@link #ABSENT}
     */
    record Masq(int flags, int regProtoMin, int regProtoMax) implements NftExpr {
        /** {@return "masq"} */
        public String name() {
            return "masq";
        }
    }

    /**
     * {@code redir}: redirect to the local machine.
     *
     * @param regProtoMin register of the lowest port, or {@link #ABSENT}
     * @param regProtoMax register of the highest port, or {@link #ABSENT}
     * @param flags       NF_NAT_RANGE_* flags, or {@link #ABSENT}
     */
    record Redir(int regProtoMin, int regProtoMax, int flags) implements NftExpr {
        /** {@return "redir"} */
        public String name() {
            return "redir";
        }
    }

    /**
     * {@code quota}: a byte quota.
     *
     * @param bytes    the quota
     * @param consumed bytes used
     * @param flags    NFT_QUOTA_F_INV, NFT_QUOTA_F_DEPLETED
     */
    record Quota(long bytes, long consumed, int flags) implements NftExpr {
        /** {@return "quota"} */
        public String name() {
            return "quota";
        }
    }

    /**
     * {@code byteorder}: converts {@code sreg} between host and network order into {@code dreg}.
     *
     * @param sreg source register
     * @param dreg destination register
     * @param op   NFT_BYTEORDER_NTOH or _HTON
     * @param len  bytes
     * @param size the unit size, 2, 4 or 8
     */
    record Byteorder(int sreg, int dreg, int op, int len, int size) implements NftExpr {
        /** {@return "byteorder"} */
        public String name() {
            return "byteorder";
        }
    }

    /**
     * {@code exthdr}: loads (or writes) bytes of an IPv6 extension header, TCP option or IPv4 option.
     *
     * @param dreg   destination register, or {@link #ABSENT}
     * @param type   the header or option type
     * @param offset offset in it
     * @param len    bytes
     * @param flags  NFT_EXTHDR_F_PRESENT, or {@link #ABSENT}
     * @param op     NFT_EXTHDR_OP_IPV6, _TCPOPT, _IPV4, _SCTP, or {@link #ABSENT}
     * @param sreg   source register of a write, or {@link #ABSENT}
     */
    record Exthdr(int dreg, int type, int offset, int len, int flags, int op, int sreg) implements NftExpr {
        /** {@return "exthdr"} */
        public String name() {
            return "exthdr";
        }
    }

    /**
     * {@code fib}: a routing lookup.
     *
     * @param dreg   destination register
     * @param result NFT_FIB_RESULT_OIF, _OIFNAME, _ADDRTYPE
     * @param flags  NFTA_FIB_F_* flags
     */
    record Fib(int dreg, int result, int flags) implements NftExpr {
        /** {@return "fib"} */
        public String name() {
            return "fib";
        }
    }

    /** {@code notrack}: the packet is not tracked. */
    record Notrack() implements NftExpr {
        /** {@return "notrack"} */
        public String name() {
            return "notrack";
        }
    }

    /**
     * {@code objref}: refers to a stateful object by name, or through a map from {@code setSreg}.
     *
     * @param type     NFT_OBJECT_* of a named reference, or {@link #ABSENT}
     * @param objName  the object's name, or null
     * @param setSreg  key register of a map reference, or {@link #ABSENT}
     * @param setName  the map's name, or null
     * @param setId    the map's transaction id, or {@link #ABSENT}
     */
    record Objref(int type, String objName, int setSreg, String setName, int setId) implements NftExpr {
        /** {@return "objref"} */
        public String name() {
            return "objref";
        }
    }

    /**
     * {@code dynset}: adds, updates or deletes an element of a set from the packet path.
     *
     * @param set      the set's name
     * @param setId    the set's transaction id, or {@link #ABSENT}
     * @param op       NFT_DYNSET_OP_ADD, _UPDATE, _DELETE
     * @param sregKey  key register
     * @param sregData data register, or {@link #ABSENT}
     * @param timeout  the element's timeout in milliseconds, or {@link #ABSENT}
     * @param flags    NFT_DYNSET_F_*, or {@link #ABSENT}
     * @param exprs    the element's expressions (NFTA_DYNSET_EXPR and _EXPRESSIONS)
     */
    record Dynset(String set, int setId, int op, int sregKey, int sregData, long timeout, int flags, List<NftExpr> exprs)
            implements NftExpr {
        /** Checks and copies. */
        public Dynset {
            Objects.requireNonNull(set, "set");
            exprs = List.copyOf(exprs);
        }

        /** {@return "dynset"} */
        public String name() {
            return "dynset";
        }
    }

    /**
     * An expression ffsock does not decode, kept as the kernel sent it.
     *
     * @param name its kernel name
     * @param data the value of its NFTA_EXPR_DATA (its attributes, back to back), possibly empty
     */
    record Unknown(String name, byte[] data) implements NftExpr {
        /** Checks and copies. */
        public Unknown {
            Objects.requireNonNull(name, "name");
            data = data.clone();
        }

        /** {@return a copy of the attribute bytes} */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.name.equals(name) && Arrays.equals(u.data, data);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Unknown[name=" + name + ", data=" + HexFormat.of().formatHex(data) + "]";
        }
    }
}
