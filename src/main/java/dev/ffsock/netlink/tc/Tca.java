package dev.ffsock.netlink.tc;

/**
 * tc constants with their C names (linux/rtnetlink.h, linux/pkt_sched.h, linux/pkt_cls.h,
 * linux/gen_stats.h, linux/if_ether.h): {@code TCA_*} attributes, handles, u32 flags, link layers and
 * the Ethernet protocols filters name. Values are Linux's; the project's probe test checks each against gcc.
 */
public final class Tca {
    private Tca() {
    }

    /** C TCA_UNSPEC. */
    public static final int TCA_UNSPEC = 0;
    /** C TCA_KIND. */
    public static final int TCA_KIND = 1;
    /** C TCA_OPTIONS. */
    public static final int TCA_OPTIONS = 2;
    /** C TCA_STATS. */
    public static final int TCA_STATS = 3;
    /** C TCA_XSTATS. */
    public static final int TCA_XSTATS = 4;
    /** C TCA_RATE. */
    public static final int TCA_RATE = 5;
    /** C TCA_FCNT. */
    public static final int TCA_FCNT = 6;
    /** C TCA_STATS2. */
    public static final int TCA_STATS2 = 7;
    /** C TCA_STAB. */
    public static final int TCA_STAB = 8;
    /** C TCA_PAD. */
    public static final int TCA_PAD = 9;
    /** C TCA_DUMP_INVISIBLE. */
    public static final int TCA_DUMP_INVISIBLE = 10;
    /** C TCA_CHAIN. */
    public static final int TCA_CHAIN = 11;
    /** C TCA_HW_OFFLOAD. */
    public static final int TCA_HW_OFFLOAD = 12;
    /** C TCA_INGRESS_BLOCK. */
    public static final int TCA_INGRESS_BLOCK = 13;
    /** C TCA_EGRESS_BLOCK. */
    public static final int TCA_EGRESS_BLOCK = 14;
    /** C TCA_STATS_BASIC. */
    public static final int TCA_STATS_BASIC = 1;
    /** C TCA_STATS_RATE_EST. */
    public static final int TCA_STATS_RATE_EST = 2;
    /** C TCA_STATS_QUEUE. */
    public static final int TCA_STATS_QUEUE = 3;
    /** C TCA_STATS_APP. */
    public static final int TCA_STATS_APP = 4;
    /** C TCA_STATS_RATE_EST64. */
    public static final int TCA_STATS_RATE_EST64 = 5;
    /** C TCA_STATS_PAD. */
    public static final int TCA_STATS_PAD = 6;
    /** C TCA_STATS_BASIC_HW. */
    public static final int TCA_STATS_BASIC_HW = 7;
    /** C TCA_STATS_PKT64. */
    public static final int TCA_STATS_PKT64 = 8;
    /** C TCA_HTB_PARMS. */
    public static final int TCA_HTB_PARMS = 1;
    /** C TCA_HTB_INIT. */
    public static final int TCA_HTB_INIT = 2;
    /** C TCA_HTB_CTAB. */
    public static final int TCA_HTB_CTAB = 3;
    /** C TCA_HTB_RTAB. */
    public static final int TCA_HTB_RTAB = 4;
    /** C TCA_HTB_DIRECT_QLEN. */
    public static final int TCA_HTB_DIRECT_QLEN = 5;
    /** C TCA_HTB_RATE64. */
    public static final int TCA_HTB_RATE64 = 6;
    /** C TCA_HTB_CEIL64. */
    public static final int TCA_HTB_CEIL64 = 7;
    /** C TCA_HTB_OFFLOAD. */
    public static final int TCA_HTB_OFFLOAD = 9;
    /** C TC_HTB_PROTOVER. */
    public static final int TC_HTB_PROTOVER = 3;
    /** C TCA_TBF_PARMS. */
    public static final int TCA_TBF_PARMS = 1;
    /** C TCA_TBF_RTAB. */
    public static final int TCA_TBF_RTAB = 2;
    /** C TCA_TBF_PTAB. */
    public static final int TCA_TBF_PTAB = 3;
    /** C TCA_TBF_RATE64. */
    public static final int TCA_TBF_RATE64 = 4;
    /** C TCA_TBF_PRATE64. */
    public static final int TCA_TBF_PRATE64 = 5;
    /** C TCA_TBF_BURST. */
    public static final int TCA_TBF_BURST = 6;
    /** C TCA_TBF_PBURST. */
    public static final int TCA_TBF_PBURST = 7;
    /** C TCA_U32_CLASSID. */
    public static final int TCA_U32_CLASSID = 1;
    /** C TCA_U32_HASH. */
    public static final int TCA_U32_HASH = 2;
    /** C TCA_U32_LINK. */
    public static final int TCA_U32_LINK = 3;
    /** C TCA_U32_DIVISOR. */
    public static final int TCA_U32_DIVISOR = 4;
    /** C TCA_U32_SEL. */
    public static final int TCA_U32_SEL = 5;
    /** C TCA_U32_POLICE. */
    public static final int TCA_U32_POLICE = 6;
    /** C TCA_U32_ACT. */
    public static final int TCA_U32_ACT = 7;
    /** C TCA_U32_INDEV. */
    public static final int TCA_U32_INDEV = 8;
    /** C TCA_U32_PCNT. */
    public static final int TCA_U32_PCNT = 9;
    /** C TCA_U32_MARK. */
    public static final int TCA_U32_MARK = 10;
    /** C TCA_U32_FLAGS. */
    public static final int TCA_U32_FLAGS = 11;
    /** C TC_U32_TERMINAL. */
    public static final int TC_U32_TERMINAL = 1;
    /** C TC_U32_OFFSET. */
    public static final int TC_U32_OFFSET = 2;
    /** C TC_U32_VAROFFSET. */
    public static final int TC_U32_VAROFFSET = 4;
    /** C TC_U32_EAT. */
    public static final int TC_U32_EAT = 8;
    /** C TCA_CLS_FLAGS_SKIP_HW. */
    public static final int TCA_CLS_FLAGS_SKIP_HW = 1;
    /** C TCA_CLS_FLAGS_SKIP_SW. */
    public static final int TCA_CLS_FLAGS_SKIP_SW = 2;
    /** C TCA_CLS_FLAGS_IN_HW. */
    public static final int TCA_CLS_FLAGS_IN_HW = 4;
    /** C TCA_CLS_FLAGS_NOT_IN_HW. */
    public static final int TCA_CLS_FLAGS_NOT_IN_HW = 8;
    /** C TC_H_UNSPEC. */
    public static final int TC_H_UNSPEC = 0x0;
    /** C TC_H_ROOT. */
    public static final int TC_H_ROOT = 0xFFFFFFFF;
    /** C TC_H_INGRESS. */
    public static final int TC_H_INGRESS = 0xFFFFFFF1;
    /** C TC_H_CLSACT. */
    public static final int TC_H_CLSACT = 0xFFFFFFF1;
    /** C TC_H_MIN_INGRESS. */
    public static final int TC_H_MIN_INGRESS = 0xFFF2;
    /** C TC_H_MIN_EGRESS. */
    public static final int TC_H_MIN_EGRESS = 0xFFF3;
    /** C TC_H_MAJ_MASK. */
    public static final int TC_H_MAJ_MASK = 0xFFFF0000;
    /** C TC_H_MIN_MASK. */
    public static final int TC_H_MIN_MASK = 0xFFFF;
    /** C TC_LINKLAYER_UNAWARE. */
    public static final int TC_LINKLAYER_UNAWARE = 0;
    /** C TC_LINKLAYER_ETHERNET. */
    public static final int TC_LINKLAYER_ETHERNET = 1;
    /** C TC_LINKLAYER_ATM. */
    public static final int TC_LINKLAYER_ATM = 2;
    /** C TC_LINKLAYER_MASK. */
    public static final int TC_LINKLAYER_MASK = 15;
    /** C TC_PRIO_MAX. */
    public static final int TC_PRIO_MAX = 15;
    /** C ETH_P_ALL. */
    public static final int ETH_P_ALL = 3;
    /** C ETH_P_IP. */
    public static final int ETH_P_IP = 2048;
    /** C ETH_P_IPV6. */
    public static final int ETH_P_IPV6 = 34525;
    /** C ETH_P_ARP. */
    public static final int ETH_P_ARP = 2054;
    /** C ETH_P_8021Q. */
    public static final int ETH_P_8021Q = 33024;
    /** C ETH_P_8021AD. */
    public static final int ETH_P_8021AD = 34984;
}
