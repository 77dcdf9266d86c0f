package dev.ffsock.netlink.netfilter.nft;

/**
 * nf_tables (nfnetlink subsystem NFNL_SUBSYS_NFTABLES) constants with their C names: message types,
 * attributes, expression keys and flags of linux/netfilter/nf_tables.h, and the verdicts, hooks and
 * protocol families of linux/netfilter.h. Values are Linux's (the same on every architecture); the
 * project's probe test checks each against gcc.
 */
public final class Nft {
    private Nft() {
    }

    /** C NF_DROP. */
    public static final int NF_DROP = 0;
    /** C NF_ACCEPT. */
    public static final int NF_ACCEPT = 1;
    /** C NF_STOLEN. */
    public static final int NF_STOLEN = 2;
    /** C NF_QUEUE. */
    public static final int NF_QUEUE = 3;
    /** C NF_REPEAT. */
    public static final int NF_REPEAT = 4;
    /** C NF_STOP. */
    public static final int NF_STOP = 5;
    /** C NF_INET_PRE_ROUTING. */
    public static final int NF_INET_PRE_ROUTING = 0;
    /** C NF_INET_LOCAL_IN. */
    public static final int NF_INET_LOCAL_IN = 1;
    /** C NF_INET_FORWARD. */
    public static final int NF_INET_FORWARD = 2;
    /** C NF_INET_LOCAL_OUT. */
    public static final int NF_INET_LOCAL_OUT = 3;
    /** C NF_INET_POST_ROUTING. */
    public static final int NF_INET_POST_ROUTING = 4;
    /** C NF_INET_INGRESS. */
    public static final int NF_INET_INGRESS = 5;
    /** C NF_NETDEV_INGRESS. */
    public static final int NF_NETDEV_INGRESS = 0;
    /** C NF_NETDEV_EGRESS. */
    public static final int NF_NETDEV_EGRESS = 1;
    /** C NFPROTO_UNSPEC. */
    public static final int NFPROTO_UNSPEC = 0;
    /** C NFPROTO_INET. */
    public static final int NFPROTO_INET = 1;
    /** C NFPROTO_IPV4. */
    public static final int NFPROTO_IPV4 = 2;
    /** C NFPROTO_ARP. */
    public static final int NFPROTO_ARP = 3;
    /** C NFPROTO_NETDEV. */
    public static final int NFPROTO_NETDEV = 5;
    /** C NFPROTO_BRIDGE. */
    public static final int NFPROTO_BRIDGE = 7;
    /** C NFPROTO_IPV6. */
    public static final int NFPROTO_IPV6 = 10;
    /** C NFPROTO_DECNET. */
    public static final int NFPROTO_DECNET = 12;
    /** C NFT_REG_VERDICT. */
    public static final int NFT_REG_VERDICT = 0;
    /** C NFT_REG_1. */
    public static final int NFT_REG_1 = 1;
    /** C NFT_REG_2. */
    public static final int NFT_REG_2 = 2;
    /** C NFT_REG_3. */
    public static final int NFT_REG_3 = 3;
    /** C NFT_REG_4. */
    public static final int NFT_REG_4 = 4;
    /** C NFT_REG32_00. */
    public static final int NFT_REG32_00 = 8;
    /** C NFT_REG32_01. */
    public static final int NFT_REG32_01 = 9;
    /** C NFT_REG32_02. */
    public static final int NFT_REG32_02 = 10;
    /** C NFT_REG32_03. */
    public static final int NFT_REG32_03 = 11;
    /** C NFT_REG32_04. */
    public static final int NFT_REG32_04 = 12;
    /** C NFT_REG32_05. */
    public static final int NFT_REG32_05 = 13;
    /** C NFT_REG32_06. */
    public static final int NFT_REG32_06 = 14;
    /** C NFT_REG32_07. */
    public static final int NFT_REG32_07 = 15;
    /** C NFT_REG32_08. */
    public static final int NFT_REG32_08 = 16;
    /** C NFT_REG32_09. */
    public static final int NFT_REG32_09 = 17;
    /** C NFT_REG32_10. */
    public static final int NFT_REG32_10 = 18;
    /** C NFT_REG32_11. */
    public static final int NFT_REG32_11 = 19;
    /** C NFT_REG32_12. */
    public static final int NFT_REG32_12 = 20;
    /** C NFT_REG32_13. */
    public static final int NFT_REG32_13 = 21;
    /** C NFT_REG32_14. */
    public static final int NFT_REG32_14 = 22;
    /** C NFT_REG32_15. */
    public static final int NFT_REG32_15 = 23;
    /** C NFT_CONTINUE. */
    public static final int NFT_CONTINUE = -1;
    /** C NFT_BREAK. */
    public static final int NFT_BREAK = -2;
    /** C NFT_JUMP. */
    public static final int NFT_JUMP = -3;
    /** C NFT_GOTO. */
    public static final int NFT_GOTO = -4;
    /** C NFT_RETURN. */
    public static final int NFT_RETURN = -5;
    /** C NFT_MSG_NEWTABLE. */
    public static final int NFT_MSG_NEWTABLE = 0;
    /** C NFT_MSG_GETTABLE. */
    public static final int NFT_MSG_GETTABLE = 1;
    /** C NFT_MSG_DELTABLE. */
    public static final int NFT_MSG_DELTABLE = 2;
    /** C NFT_MSG_NEWCHAIN. */
    public static final int NFT_MSG_NEWCHAIN = 3;
    /** C NFT_MSG_GETCHAIN. */
    public static final int NFT_MSG_GETCHAIN = 4;
    /** C NFT_MSG_DELCHAIN. */
    public static final int NFT_MSG_DELCHAIN = 5;
    /** C NFT_MSG_NEWRULE. */
    public static final int NFT_MSG_NEWRULE = 6;
    /** C NFT_MSG_GETRULE. */
    public static final int NFT_MSG_GETRULE = 7;
    /** C NFT_MSG_DELRULE. */
    public static final int NFT_MSG_DELRULE = 8;
    /** C NFT_MSG_NEWSET. */
    public static final int NFT_MSG_NEWSET = 9;
    /** C NFT_MSG_GETSET. */
    public static final int NFT_MSG_GETSET = 10;
    /** C NFT_MSG_DELSET. */
    public static final int NFT_MSG_DELSET = 11;
    /** C NFT_MSG_NEWSETELEM. */
    public static final int NFT_MSG_NEWSETELEM = 12;
    /** C NFT_MSG_GETSETELEM. */
    public static final int NFT_MSG_GETSETELEM = 13;
    /** C NFT_MSG_DELSETELEM. */
    public static final int NFT_MSG_DELSETELEM = 14;
    /** C NFT_MSG_NEWGEN. */
    public static final int NFT_MSG_NEWGEN = 15;
    /** C NFT_MSG_GETGEN. */
    public static final int NFT_MSG_GETGEN = 16;
    /** C NFT_MSG_TRACE. */
    public static final int NFT_MSG_TRACE = 17;
    /** C NFT_MSG_NEWOBJ. */
    public static final int NFT_MSG_NEWOBJ = 18;
    /** C NFT_MSG_GETOBJ. */
    public static final int NFT_MSG_GETOBJ = 19;
    /** C NFT_MSG_DELOBJ. */
    public static final int NFT_MSG_DELOBJ = 20;
    /** C NFT_MSG_GETOBJ_RESET. */
    public static final int NFT_MSG_GETOBJ_RESET = 21;
    /** C NFT_MSG_NEWFLOWTABLE. */
    public static final int NFT_MSG_NEWFLOWTABLE = 22;
    /** C NFT_MSG_GETFLOWTABLE. */
    public static final int NFT_MSG_GETFLOWTABLE = 23;
    /** C NFT_MSG_DELFLOWTABLE. */
    public static final int NFT_MSG_DELFLOWTABLE = 24;
    /** C NFT_MSG_MAX. */
    public static final int NFT_MSG_MAX = 25;
    /** C NFTA_LIST_UNSPEC. */
    public static final int NFTA_LIST_UNSPEC = 0;
    /** C NFTA_LIST_ELEM. */
    public static final int NFTA_LIST_ELEM = 1;
    /** C NFTA_HOOK_UNSPEC. */
    public static final int NFTA_HOOK_UNSPEC = 0;
    /** C NFTA_HOOK_HOOKNUM. */
    public static final int NFTA_HOOK_HOOKNUM = 1;
    /** C NFTA_HOOK_PRIORITY. */
    public static final int NFTA_HOOK_PRIORITY = 2;
    /** C NFTA_HOOK_DEV. */
    public static final int NFTA_HOOK_DEV = 3;
    /** C NFTA_HOOK_DEVS. */
    public static final int NFTA_HOOK_DEVS = 4;
    /** C NFT_TABLE_F_DORMANT. */
    public static final int NFT_TABLE_F_DORMANT = 1;
    /** C NFT_TABLE_F_OWNER. */
    public static final int NFT_TABLE_F_OWNER = 2;
    /** C NFTA_TABLE_UNSPEC. */
    public static final int NFTA_TABLE_UNSPEC = 0;
    /** C NFTA_TABLE_NAME. */
    public static final int NFTA_TABLE_NAME = 1;
    /** C NFTA_TABLE_FLAGS. */
    public static final int NFTA_TABLE_FLAGS = 2;
    /** C NFTA_TABLE_USE. */
    public static final int NFTA_TABLE_USE = 3;
    /** C NFTA_TABLE_HANDLE. */
    public static final int NFTA_TABLE_HANDLE = 4;
    /** C NFTA_TABLE_PAD. */
    public static final int NFTA_TABLE_PAD = 5;
    /** C NFTA_TABLE_USERDATA. */
    public static final int NFTA_TABLE_USERDATA = 6;
    /** C NFTA_TABLE_OWNER. */
    public static final int NFTA_TABLE_OWNER = 7;
    /** C NFT_CHAIN_BASE. */
    public static final int NFT_CHAIN_BASE = 1;
    /** C NFT_CHAIN_HW_OFFLOAD. */
    public static final int NFT_CHAIN_HW_OFFLOAD = 2;
    /** C NFT_CHAIN_BINDING. */
    public static final int NFT_CHAIN_BINDING = 4;
    /** C NFTA_CHAIN_UNSPEC. */
    public static final int NFTA_CHAIN_UNSPEC = 0;
    /** C NFTA_CHAIN_TABLE. */
    public static final int NFTA_CHAIN_TABLE = 1;
    /** C NFTA_CHAIN_HANDLE. */
    public static final int NFTA_CHAIN_HANDLE = 2;
    /** C NFTA_CHAIN_NAME. */
    public static final int NFTA_CHAIN_NAME = 3;
    /** C NFTA_CHAIN_HOOK. */
    public static final int NFTA_CHAIN_HOOK = 4;
    /** C NFTA_CHAIN_POLICY. */
    public static final int NFTA_CHAIN_POLICY = 5;
    /** C NFTA_CHAIN_USE. */
    public static final int NFTA_CHAIN_USE = 6;
    /** C NFTA_CHAIN_TYPE. */
    public static final int NFTA_CHAIN_TYPE = 7;
    /** C NFTA_CHAIN_COUNTERS. */
    public static final int NFTA_CHAIN_COUNTERS = 8;
    /** C NFTA_CHAIN_PAD. */
    public static final int NFTA_CHAIN_PAD = 9;
    /** C NFTA_CHAIN_FLAGS. */
    public static final int NFTA_CHAIN_FLAGS = 10;
    /** C NFTA_CHAIN_ID. */
    public static final int NFTA_CHAIN_ID = 11;
    /** C NFTA_CHAIN_USERDATA. */
    public static final int NFTA_CHAIN_USERDATA = 12;
    /** C NFTA_RULE_UNSPEC. */
    public static final int NFTA_RULE_UNSPEC = 0;
    /** C NFTA_RULE_TABLE. */
    public static final int NFTA_RULE_TABLE = 1;
    /** C NFTA_RULE_CHAIN. */
    public static final int NFTA_RULE_CHAIN = 2;
    /** C NFTA_RULE_HANDLE. */
    public static final int NFTA_RULE_HANDLE = 3;
    /** C NFTA_RULE_EXPRESSIONS. */
    public static final int NFTA_RULE_EXPRESSIONS = 4;
    /** C NFTA_RULE_COMPAT. */
    public static final int NFTA_RULE_COMPAT = 5;
    /** C NFTA_RULE_POSITION. */
    public static final int NFTA_RULE_POSITION = 6;
    /** C NFTA_RULE_USERDATA. */
    public static final int NFTA_RULE_USERDATA = 7;
    /** C NFTA_RULE_PAD. */
    public static final int NFTA_RULE_PAD = 8;
    /** C NFTA_RULE_ID. */
    public static final int NFTA_RULE_ID = 9;
    /** C NFTA_RULE_POSITION_ID. */
    public static final int NFTA_RULE_POSITION_ID = 10;
    /** C NFTA_RULE_CHAIN_ID. */
    public static final int NFTA_RULE_CHAIN_ID = 11;
    /** C NFT_RULE_COMPAT_F_UNUSED. */
    public static final int NFT_RULE_COMPAT_F_UNUSED = 1;
    /** C NFT_RULE_COMPAT_F_INV. */
    public static final int NFT_RULE_COMPAT_F_INV = 2;
    /** C NFT_RULE_COMPAT_F_MASK. */
    public static final int NFT_RULE_COMPAT_F_MASK = 2;
    /** C NFTA_RULE_COMPAT_UNSPEC. */
    public static final int NFTA_RULE_COMPAT_UNSPEC = 0;
    /** C NFTA_RULE_COMPAT_PROTO. */
    public static final int NFTA_RULE_COMPAT_PROTO = 1;
    /** C NFTA_RULE_COMPAT_FLAGS. */
    public static final int NFTA_RULE_COMPAT_FLAGS = 2;
    /** C NFT_SET_ANONYMOUS. */
    public static final int NFT_SET_ANONYMOUS = 1;
    /** C NFT_SET_CONSTANT. */
    public static final int NFT_SET_CONSTANT = 2;
    /** C NFT_SET_INTERVAL. */
    public static final int NFT_SET_INTERVAL = 4;
    /** C NFT_SET_MAP. */
    public static final int NFT_SET_MAP = 8;
    /** C NFT_SET_TIMEOUT. */
    public static final int NFT_SET_TIMEOUT = 16;
    /** C NFT_SET_EVAL. */
    public static final int NFT_SET_EVAL = 32;
    /** C NFT_SET_OBJECT. */
    public static final int NFT_SET_OBJECT = 64;
    /** C NFT_SET_CONCAT. */
    public static final int NFT_SET_CONCAT = 128;
    /** C NFT_SET_EXPR. */
    public static final int NFT_SET_EXPR = 256;
    /** C NFT_SET_POL_PERFORMANCE. */
    public static final int NFT_SET_POL_PERFORMANCE = 0;
    /** C NFT_SET_POL_MEMORY. */
    public static final int NFT_SET_POL_MEMORY = 1;
    /** C NFTA_SET_DESC_UNSPEC. */
    public static final int NFTA_SET_DESC_UNSPEC = 0;
    /** C NFTA_SET_DESC_SIZE. */
    public static final int NFTA_SET_DESC_SIZE = 1;
    /** C NFTA_SET_DESC_CONCAT. */
    public static final int NFTA_SET_DESC_CONCAT = 2;
    /** C NFTA_SET_FIELD_UNSPEC. */
    public static final int NFTA_SET_FIELD_UNSPEC = 0;
    /** C NFTA_SET_FIELD_LEN. */
    public static final int NFTA_SET_FIELD_LEN = 1;
    /** C NFTA_SET_UNSPEC. */
    public static final int NFTA_SET_UNSPEC = 0;
    /** C NFTA_SET_TABLE. */
    public static final int NFTA_SET_TABLE = 1;
    /** C NFTA_SET_NAME. */
    public static final int NFTA_SET_NAME = 2;
    /** C NFTA_SET_FLAGS. */
    public static final int NFTA_SET_FLAGS = 3;
    /** C NFTA_SET_KEY_TYPE. */
    public static final int NFTA_SET_KEY_TYPE = 4;
    /** C NFTA_SET_KEY_LEN. */
    public static final int NFTA_SET_KEY_LEN = 5;
    /** C NFTA_SET_DATA_TYPE. */
    public static final int NFTA_SET_DATA_TYPE = 6;
    /** C NFTA_SET_DATA_LEN. */
    public static final int NFTA_SET_DATA_LEN = 7;
    /** C NFTA_SET_POLICY. */
    public static final int NFTA_SET_POLICY = 8;
    /** C NFTA_SET_DESC. */
    public static final int NFTA_SET_DESC = 9;
    /** C NFTA_SET_ID. */
    public static final int NFTA_SET_ID = 10;
    /** C NFTA_SET_TIMEOUT. */
    public static final int NFTA_SET_TIMEOUT = 11;
    /** C NFTA_SET_GC_INTERVAL. */
    public static final int NFTA_SET_GC_INTERVAL = 12;
    /** C NFTA_SET_USERDATA. */
    public static final int NFTA_SET_USERDATA = 13;
    /** C NFTA_SET_PAD. */
    public static final int NFTA_SET_PAD = 14;
    /** C NFTA_SET_OBJ_TYPE. */
    public static final int NFTA_SET_OBJ_TYPE = 15;
    /** C NFTA_SET_HANDLE. */
    public static final int NFTA_SET_HANDLE = 16;
    /** C NFTA_SET_EXPR. */
    public static final int NFTA_SET_EXPR = 17;
    /** C NFTA_SET_EXPRESSIONS. */
    public static final int NFTA_SET_EXPRESSIONS = 18;
    /** C NFT_SET_ELEM_INTERVAL_END. */
    public static final int NFT_SET_ELEM_INTERVAL_END = 1;
    /** C NFT_SET_ELEM_CATCHALL. */
    public static final int NFT_SET_ELEM_CATCHALL = 2;
    /** C NFTA_SET_ELEM_UNSPEC. */
    public static final int NFTA_SET_ELEM_UNSPEC = 0;
    /** C NFTA_SET_ELEM_KEY. */
    public static final int NFTA_SET_ELEM_KEY = 1;
    /** C NFTA_SET_ELEM_DATA. */
    public static final int NFTA_SET_ELEM_DATA = 2;
    /** C NFTA_SET_ELEM_FLAGS. */
    public static final int NFTA_SET_ELEM_FLAGS = 3;
    /** C NFTA_SET_ELEM_TIMEOUT. */
    public static final int NFTA_SET_ELEM_TIMEOUT = 4;
    /** C NFTA_SET_ELEM_EXPIRATION. */
    public static final int NFTA_SET_ELEM_EXPIRATION = 5;
    /** C NFTA_SET_ELEM_USERDATA. */
    public static final int NFTA_SET_ELEM_USERDATA = 6;
    /** C NFTA_SET_ELEM_EXPR. */
    public static final int NFTA_SET_ELEM_EXPR = 7;
    /** C NFTA_SET_ELEM_PAD. */
    public static final int NFTA_SET_ELEM_PAD = 8;
    /** C NFTA_SET_ELEM_OBJREF. */
    public static final int NFTA_SET_ELEM_OBJREF = 9;
    /** C NFTA_SET_ELEM_KEY_END. */
    public static final int NFTA_SET_ELEM_KEY_END = 10;
    /** C NFTA_SET_ELEM_EXPRESSIONS. */
    public static final int NFTA_SET_ELEM_EXPRESSIONS = 11;
    /** C NFTA_SET_ELEM_LIST_UNSPEC. */
    public static final int NFTA_SET_ELEM_LIST_UNSPEC = 0;
    /** C NFTA_SET_ELEM_LIST_TABLE. */
    public static final int NFTA_SET_ELEM_LIST_TABLE = 1;
    /** C NFTA_SET_ELEM_LIST_SET. */
    public static final int NFTA_SET_ELEM_LIST_SET = 2;
    /** C NFTA_SET_ELEM_LIST_ELEMENTS. */
    public static final int NFTA_SET_ELEM_LIST_ELEMENTS = 3;
    /** C NFTA_SET_ELEM_LIST_SET_ID. */
    public static final int NFTA_SET_ELEM_LIST_SET_ID = 4;
    /** C NFT_DATA_VALUE. */
    public static final int NFT_DATA_VALUE = 0;
    /** C NFT_DATA_VERDICT. */
    public static final int NFT_DATA_VERDICT = 0xffffff00;
    /** C NFTA_DATA_UNSPEC. */
    public static final int NFTA_DATA_UNSPEC = 0;
    /** C NFTA_DATA_VALUE. */
    public static final int NFTA_DATA_VALUE = 1;
    /** C NFTA_DATA_VERDICT. */
    public static final int NFTA_DATA_VERDICT = 2;
    /** C NFTA_VERDICT_UNSPEC. */
    public static final int NFTA_VERDICT_UNSPEC = 0;
    /** C NFTA_VERDICT_CODE. */
    public static final int NFTA_VERDICT_CODE = 1;
    /** C NFTA_VERDICT_CHAIN. */
    public static final int NFTA_VERDICT_CHAIN = 2;
    /** C NFTA_VERDICT_CHAIN_ID. */
    public static final int NFTA_VERDICT_CHAIN_ID = 3;
    /** C NFTA_EXPR_UNSPEC. */
    public static final int NFTA_EXPR_UNSPEC = 0;
    /** C NFTA_EXPR_NAME. */
    public static final int NFTA_EXPR_NAME = 1;
    /** C NFTA_EXPR_DATA. */
    public static final int NFTA_EXPR_DATA = 2;
    /** C NFTA_IMMEDIATE_UNSPEC. */
    public static final int NFTA_IMMEDIATE_UNSPEC = 0;
    /** C NFTA_IMMEDIATE_DREG. */
    public static final int NFTA_IMMEDIATE_DREG = 1;
    /** C NFTA_IMMEDIATE_DATA. */
    public static final int NFTA_IMMEDIATE_DATA = 2;
    /** C NFT_BITWISE_MASK_XOR. */
    public static final int NFT_BITWISE_MASK_XOR = 0;
    /** C NFT_BITWISE_LSHIFT. */
    public static final int NFT_BITWISE_LSHIFT = 1;
    /** C NFT_BITWISE_RSHIFT. */
    public static final int NFT_BITWISE_RSHIFT = 2;
    /** C NFTA_BITWISE_UNSPEC. */
    public static final int NFTA_BITWISE_UNSPEC = 0;
    /** C NFTA_BITWISE_SREG. */
    public static final int NFTA_BITWISE_SREG = 1;
    /** C NFTA_BITWISE_DREG. */
    public static final int NFTA_BITWISE_DREG = 2;
    /** C NFTA_BITWISE_LEN. */
    public static final int NFTA_BITWISE_LEN = 3;
    /** C NFTA_BITWISE_MASK. */
    public static final int NFTA_BITWISE_MASK = 4;
    /** C NFTA_BITWISE_XOR. */
    public static final int NFTA_BITWISE_XOR = 5;
    /** C NFTA_BITWISE_OP. */
    public static final int NFTA_BITWISE_OP = 6;
    /** C NFTA_BITWISE_DATA. */
    public static final int NFTA_BITWISE_DATA = 7;
    /** C NFT_BYTEORDER_NTOH. */
    public static final int NFT_BYTEORDER_NTOH = 0;
    /** C NFT_BYTEORDER_HTON. */
    public static final int NFT_BYTEORDER_HTON = 1;
    /** C NFTA_BYTEORDER_UNSPEC. */
    public static final int NFTA_BYTEORDER_UNSPEC = 0;
    /** C NFTA_BYTEORDER_SREG. */
    public static final int NFTA_BYTEORDER_SREG = 1;
    /** C NFTA_BYTEORDER_DREG. */
    public static final int NFTA_BYTEORDER_DREG = 2;
    /** C NFTA_BYTEORDER_OP. */
    public static final int NFTA_BYTEORDER_OP = 3;
    /** C NFTA_BYTEORDER_LEN. */
    public static final int NFTA_BYTEORDER_LEN = 4;
    /** C NFTA_BYTEORDER_SIZE. */
    public static final int NFTA_BYTEORDER_SIZE = 5;
    /** C NFT_CMP_EQ. */
    public static final int NFT_CMP_EQ = 0;
    /** C NFT_CMP_NEQ. */
    public static final int NFT_CMP_NEQ = 1;
    /** C NFT_CMP_LT. */
    public static final int NFT_CMP_LT = 2;
    /** C NFT_CMP_LTE. */
    public static final int NFT_CMP_LTE = 3;
    /** C NFT_CMP_GT. */
    public static final int NFT_CMP_GT = 4;
    /** C NFT_CMP_GTE. */
    public static final int NFT_CMP_GTE = 5;
    /** C NFTA_CMP_UNSPEC. */
    public static final int NFTA_CMP_UNSPEC = 0;
    /** C NFTA_CMP_SREG. */
    public static final int NFTA_CMP_SREG = 1;
    /** C NFTA_CMP_OP. */
    public static final int NFTA_CMP_OP = 2;
    /** C NFTA_CMP_DATA. */
    public static final int NFTA_CMP_DATA = 3;
    /** C NFT_RANGE_EQ. */
    public static final int NFT_RANGE_EQ = 0;
    /** C NFT_RANGE_NEQ. */
    public static final int NFT_RANGE_NEQ = 1;
    /** C NFTA_RANGE_UNSPEC. */
    public static final int NFTA_RANGE_UNSPEC = 0;
    /** C NFTA_RANGE_SREG. */
    public static final int NFTA_RANGE_SREG = 1;
    /** C NFTA_RANGE_OP. */
    public static final int NFTA_RANGE_OP = 2;
    /** C NFTA_RANGE_FROM_DATA. */
    public static final int NFTA_RANGE_FROM_DATA = 3;
    /** C NFTA_RANGE_TO_DATA. */
    public static final int NFTA_RANGE_TO_DATA = 4;
    /** C NFT_LOOKUP_F_INV. */
    public static final int NFT_LOOKUP_F_INV = 1;
    /** C NFTA_LOOKUP_UNSPEC. */
    public static final int NFTA_LOOKUP_UNSPEC = 0;
    /** C NFTA_LOOKUP_SET. */
    public static final int NFTA_LOOKUP_SET = 1;
    /** C NFTA_LOOKUP_SREG. */
    public static final int NFTA_LOOKUP_SREG = 2;
    /** C NFTA_LOOKUP_DREG. */
    public static final int NFTA_LOOKUP_DREG = 3;
    /** C NFTA_LOOKUP_SET_ID. */
    public static final int NFTA_LOOKUP_SET_ID = 4;
    /** C NFTA_LOOKUP_FLAGS. */
    public static final int NFTA_LOOKUP_FLAGS = 5;
    /** C NFT_DYNSET_OP_ADD. */
    public static final int NFT_DYNSET_OP_ADD = 0;
    /** C NFT_DYNSET_OP_UPDATE. */
    public static final int NFT_DYNSET_OP_UPDATE = 1;
    /** C NFT_DYNSET_OP_DELETE. */
    public static final int NFT_DYNSET_OP_DELETE = 2;
    /** C NFT_DYNSET_F_INV. */
    public static final int NFT_DYNSET_F_INV = 1;
    /** C NFT_DYNSET_F_EXPR. */
    public static final int NFT_DYNSET_F_EXPR = 2;
    /** C NFTA_DYNSET_UNSPEC. */
    public static final int NFTA_DYNSET_UNSPEC = 0;
    /** C NFTA_DYNSET_SET_NAME. */
    public static final int NFTA_DYNSET_SET_NAME = 1;
    /** C NFTA_DYNSET_SET_ID. */
    public static final int NFTA_DYNSET_SET_ID = 2;
    /** C NFTA_DYNSET_OP. */
    public static final int NFTA_DYNSET_OP = 3;
    /** C NFTA_DYNSET_SREG_KEY. */
    public static final int NFTA_DYNSET_SREG_KEY = 4;
    /** C NFTA_DYNSET_SREG_DATA. */
    public static final int NFTA_DYNSET_SREG_DATA = 5;
    /** C NFTA_DYNSET_TIMEOUT. */
    public static final int NFTA_DYNSET_TIMEOUT = 6;
    /** C NFTA_DYNSET_EXPR. */
    public static final int NFTA_DYNSET_EXPR = 7;
    /** C NFTA_DYNSET_PAD. */
    public static final int NFTA_DYNSET_PAD = 8;
    /** C NFTA_DYNSET_FLAGS. */
    public static final int NFTA_DYNSET_FLAGS = 9;
    /** C NFTA_DYNSET_EXPRESSIONS. */
    public static final int NFTA_DYNSET_EXPRESSIONS = 10;
    /** C NFT_PAYLOAD_LL_HEADER. */
    public static final int NFT_PAYLOAD_LL_HEADER = 0;
    /** C NFT_PAYLOAD_NETWORK_HEADER. */
    public static final int NFT_PAYLOAD_NETWORK_HEADER = 1;
    /** C NFT_PAYLOAD_TRANSPORT_HEADER. */
    public static final int NFT_PAYLOAD_TRANSPORT_HEADER = 2;
    /** C NFT_PAYLOAD_INNER_HEADER. */
    public static final int NFT_PAYLOAD_INNER_HEADER = 3;
    /** C NFT_PAYLOAD_CSUM_NONE. */
    public static final int NFT_PAYLOAD_CSUM_NONE = 0;
    /** C NFT_PAYLOAD_CSUM_INET. */
    public static final int NFT_PAYLOAD_CSUM_INET = 1;
    /** C NFT_PAYLOAD_CSUM_SCTP. */
    public static final int NFT_PAYLOAD_CSUM_SCTP = 2;
    /** C NFT_PAYLOAD_L4CSUM_PSEUDOHDR. */
    public static final int NFT_PAYLOAD_L4CSUM_PSEUDOHDR = 1;
    /** C NFTA_PAYLOAD_UNSPEC. */
    public static final int NFTA_PAYLOAD_UNSPEC = 0;
    /** C NFTA_PAYLOAD_DREG. */
    public static final int NFTA_PAYLOAD_DREG = 1;
    /** C NFTA_PAYLOAD_BASE. */
    public static final int NFTA_PAYLOAD_BASE = 2;
    /** C NFTA_PAYLOAD_OFFSET. */
    public static final int NFTA_PAYLOAD_OFFSET = 3;
    /** C NFTA_PAYLOAD_LEN. */
    public static final int NFTA_PAYLOAD_LEN = 4;
    /** C NFTA_PAYLOAD_SREG. */
    public static final int NFTA_PAYLOAD_SREG = 5;
    /** C NFTA_PAYLOAD_CSUM_TYPE. */
    public static final int NFTA_PAYLOAD_CSUM_TYPE = 6;
    /** C NFTA_PAYLOAD_CSUM_OFFSET. */
    public static final int NFTA_PAYLOAD_CSUM_OFFSET = 7;
    /** C NFTA_PAYLOAD_CSUM_FLAGS. */
    public static final int NFTA_PAYLOAD_CSUM_FLAGS = 8;
    /** C NFT_EXTHDR_F_PRESENT. */
    public static final int NFT_EXTHDR_F_PRESENT = 1;
    /** C NFT_EXTHDR_OP_IPV6. */
    public static final int NFT_EXTHDR_OP_IPV6 = 0;
    /** C NFT_EXTHDR_OP_TCPOPT. */
    public static final int NFT_EXTHDR_OP_TCPOPT = 1;
    /** C NFT_EXTHDR_OP_IPV4. */
    public static final int NFT_EXTHDR_OP_IPV4 = 2;
    /** C NFT_EXTHDR_OP_SCTP. */
    public static final int NFT_EXTHDR_OP_SCTP = 3;
    /** C NFT_EXTHDR_OP_DCCP. */
    public static final int NFT_EXTHDR_OP_DCCP = 4;
    /** C NFTA_EXTHDR_UNSPEC. */
    public static final int NFTA_EXTHDR_UNSPEC = 0;
    /** C NFTA_EXTHDR_DREG. */
    public static final int NFTA_EXTHDR_DREG = 1;
    /** C NFTA_EXTHDR_TYPE. */
    public static final int NFTA_EXTHDR_TYPE = 2;
    /** C NFTA_EXTHDR_OFFSET. */
    public static final int NFTA_EXTHDR_OFFSET = 3;
    /** C NFTA_EXTHDR_LEN. */
    public static final int NFTA_EXTHDR_LEN = 4;
    /** C NFTA_EXTHDR_FLAGS. */
    public static final int NFTA_EXTHDR_FLAGS = 5;
    /** C NFTA_EXTHDR_OP. */
    public static final int NFTA_EXTHDR_OP = 6;
    /** C NFTA_EXTHDR_SREG. */
    public static final int NFTA_EXTHDR_SREG = 7;
    /** C NFT_META_LEN. */
    public static final int NFT_META_LEN = 0;
    /** C NFT_META_PROTOCOL. */
    public static final int NFT_META_PROTOCOL = 1;
    /** C NFT_META_PRIORITY. */
    public static final int NFT_META_PRIORITY = 2;
    /** C NFT_META_MARK. */
    public static final int NFT_META_MARK = 3;
    /** C NFT_META_IIF. */
    public static final int NFT_META_IIF = 4;
    /** C NFT_META_OIF. */
    public static final int NFT_META_OIF = 5;
    /** C NFT_META_IIFNAME. */
    public static final int NFT_META_IIFNAME = 6;
    /** C NFT_META_OIFNAME. */
    public static final int NFT_META_OIFNAME = 7;
    /** C NFT_META_IFTYPE. */
    public static final int NFT_META_IFTYPE = 8;
    /** C NFT_META_OIFTYPE. */
    public static final int NFT_META_OIFTYPE = 9;
    /** C NFT_META_SKUID. */
    public static final int NFT_META_SKUID = 10;
    /** C NFT_META_SKGID. */
    public static final int NFT_META_SKGID = 11;
    /** C NFT_META_NFTRACE. */
    public static final int NFT_META_NFTRACE = 12;
    /** C NFT_META_RTCLASSID. */
    public static final int NFT_META_RTCLASSID = 13;
    /** C NFT_META_SECMARK. */
    public static final int NFT_META_SECMARK = 14;
    /** C NFT_META_NFPROTO. */
    public static final int NFT_META_NFPROTO = 15;
    /** C NFT_META_L4PROTO. */
    public static final int NFT_META_L4PROTO = 16;
    /** C NFT_META_BRI_IIFNAME. */
    public static final int NFT_META_BRI_IIFNAME = 17;
    /** C NFT_META_BRI_OIFNAME. */
    public static final int NFT_META_BRI_OIFNAME = 18;
    /** C NFT_META_PKTTYPE. */
    public static final int NFT_META_PKTTYPE = 19;
    /** C NFT_META_CPU. */
    public static final int NFT_META_CPU = 20;
    /** C NFT_META_IIFGROUP. */
    public static final int NFT_META_IIFGROUP = 21;
    /** C NFT_META_OIFGROUP. */
    public static final int NFT_META_OIFGROUP = 22;
    /** C NFT_META_CGROUP. */
    public static final int NFT_META_CGROUP = 23;
    /** C NFT_META_PRANDOM. */
    public static final int NFT_META_PRANDOM = 24;
    /** C NFT_META_SECPATH. */
    public static final int NFT_META_SECPATH = 25;
    /** C NFT_META_IIFKIND. */
    public static final int NFT_META_IIFKIND = 26;
    /** C NFT_META_OIFKIND. */
    public static final int NFT_META_OIFKIND = 27;
    /** C NFT_META_BRI_IIFPVID. */
    public static final int NFT_META_BRI_IIFPVID = 28;
    /** C NFT_META_BRI_IIFVPROTO. */
    public static final int NFT_META_BRI_IIFVPROTO = 29;
    /** C NFT_META_TIME_NS. */
    public static final int NFT_META_TIME_NS = 30;
    /** C NFT_META_TIME_DAY. */
    public static final int NFT_META_TIME_DAY = 31;
    /** C NFT_META_TIME_HOUR. */
    public static final int NFT_META_TIME_HOUR = 32;
    /** C NFT_META_SDIF. */
    public static final int NFT_META_SDIF = 33;
    /** C NFT_META_SDIFNAME. */
    public static final int NFT_META_SDIFNAME = 34;
    /** C NFT_RT_CLASSID. */
    public static final int NFT_RT_CLASSID = 0;
    /** C NFT_RT_NEXTHOP4. */
    public static final int NFT_RT_NEXTHOP4 = 1;
    /** C NFT_RT_NEXTHOP6. */
    public static final int NFT_RT_NEXTHOP6 = 2;
    /** C NFT_RT_TCPMSS. */
    public static final int NFT_RT_TCPMSS = 3;
    /** C NFT_RT_XFRM. */
    public static final int NFT_RT_XFRM = 4;
    /** C NFT_HASH_JENKINS. */
    public static final int NFT_HASH_JENKINS = 0;
    /** C NFT_HASH_SYM. */
    public static final int NFT_HASH_SYM = 1;
    /** C NFTA_HASH_UNSPEC. */
    public static final int NFTA_HASH_UNSPEC = 0;
    /** C NFTA_HASH_SREG. */
    public static final int NFTA_HASH_SREG = 1;
    /** C NFTA_HASH_DREG. */
    public static final int NFTA_HASH_DREG = 2;
    /** C NFTA_HASH_LEN. */
    public static final int NFTA_HASH_LEN = 3;
    /** C NFTA_HASH_MODULUS. */
    public static final int NFTA_HASH_MODULUS = 4;
    /** C NFTA_HASH_SEED. */
    public static final int NFTA_HASH_SEED = 5;
    /** C NFTA_HASH_OFFSET. */
    public static final int NFTA_HASH_OFFSET = 6;
    /** C NFTA_HASH_TYPE. */
    public static final int NFTA_HASH_TYPE = 7;
    /** C NFTA_HASH_SET_NAME. */
    public static final int NFTA_HASH_SET_NAME = 8;
    /** C NFTA_HASH_SET_ID. */
    public static final int NFTA_HASH_SET_ID = 9;
    /** C NFTA_META_UNSPEC. */
    public static final int NFTA_META_UNSPEC = 0;
    /** C NFTA_META_DREG. */
    public static final int NFTA_META_DREG = 1;
    /** C NFTA_META_KEY. */
    public static final int NFTA_META_KEY = 2;
    /** C NFTA_META_SREG. */
    public static final int NFTA_META_SREG = 3;
    /** C NFTA_RT_UNSPEC. */
    public static final int NFTA_RT_UNSPEC = 0;
    /** C NFTA_RT_DREG. */
    public static final int NFTA_RT_DREG = 1;
    /** C NFTA_RT_KEY. */
    public static final int NFTA_RT_KEY = 2;
    /** C NFTA_SOCKET_UNSPEC. */
    public static final int NFTA_SOCKET_UNSPEC = 0;
    /** C NFTA_SOCKET_KEY. */
    public static final int NFTA_SOCKET_KEY = 1;
    /** C NFTA_SOCKET_DREG. */
    public static final int NFTA_SOCKET_DREG = 2;
    /** C NFTA_SOCKET_LEVEL. */
    public static final int NFTA_SOCKET_LEVEL = 3;
    /** C NFT_SOCKET_TRANSPARENT. */
    public static final int NFT_SOCKET_TRANSPARENT = 0;
    /** C NFT_SOCKET_MARK. */
    public static final int NFT_SOCKET_MARK = 1;
    /** C NFT_SOCKET_WILDCARD. */
    public static final int NFT_SOCKET_WILDCARD = 2;
    /** C NFT_SOCKET_CGROUPV2. */
    public static final int NFT_SOCKET_CGROUPV2 = 3;
    /** C NFT_CT_STATE. */
    public static final int NFT_CT_STATE = 0;
    /** C NFT_CT_DIRECTION. */
    public static final int NFT_CT_DIRECTION = 1;
    /** C NFT_CT_STATUS. */
    public static final int NFT_CT_STATUS = 2;
    /** C NFT_CT_MARK. */
    public static final int NFT_CT_MARK = 3;
    /** C NFT_CT_SECMARK. */
    public static final int NFT_CT_SECMARK = 4;
    /** C NFT_CT_EXPIRATION. */
    public static final int NFT_CT_EXPIRATION = 5;
    /** C NFT_CT_HELPER. */
    public static final int NFT_CT_HELPER = 6;
    /** C NFT_CT_L3PROTOCOL. */
    public static final int NFT_CT_L3PROTOCOL = 7;
    /** C NFT_CT_SRC. */
    public static final int NFT_CT_SRC = 8;
    /** C NFT_CT_DST. */
    public static final int NFT_CT_DST = 9;
    /** C NFT_CT_PROTOCOL. */
    public static final int NFT_CT_PROTOCOL = 10;
    /** C NFT_CT_PROTO_SRC. */
    public static final int NFT_CT_PROTO_SRC = 11;
    /** C NFT_CT_PROTO_DST. */
    public static final int NFT_CT_PROTO_DST = 12;
    /** C NFT_CT_LABELS. */
    public static final int NFT_CT_LABELS = 13;
    /** C NFT_CT_PKTS. */
    public static final int NFT_CT_PKTS = 14;
    /** C NFT_CT_BYTES. */
    public static final int NFT_CT_BYTES = 15;
    /** C NFT_CT_AVGPKT. */
    public static final int NFT_CT_AVGPKT = 16;
    /** C NFT_CT_ZONE. */
    public static final int NFT_CT_ZONE = 17;
    /** C NFT_CT_EVENTMASK. */
    public static final int NFT_CT_EVENTMASK = 18;
    /** C NFT_CT_SRC_IP. */
    public static final int NFT_CT_SRC_IP = 19;
    /** C NFT_CT_DST_IP. */
    public static final int NFT_CT_DST_IP = 20;
    /** C NFT_CT_SRC_IP6. */
    public static final int NFT_CT_SRC_IP6 = 21;
    /** C NFT_CT_DST_IP6. */
    public static final int NFT_CT_DST_IP6 = 22;
    /** C NFT_CT_ID. */
    public static final int NFT_CT_ID = 23;
    /** C NFTA_CT_UNSPEC. */
    public static final int NFTA_CT_UNSPEC = 0;
    /** C NFTA_CT_DREG. */
    public static final int NFTA_CT_DREG = 1;
    /** C NFTA_CT_KEY. */
    public static final int NFTA_CT_KEY = 2;
    /** C NFTA_CT_DIRECTION. */
    public static final int NFTA_CT_DIRECTION = 3;
    /** C NFTA_CT_SREG. */
    public static final int NFTA_CT_SREG = 4;
    /** C NFTA_FLOW_UNSPEC. */
    public static final int NFTA_FLOW_UNSPEC = 0;
    /** C NFTA_FLOW_TABLE_NAME. */
    public static final int NFTA_FLOW_TABLE_NAME = 1;
    /** C NFT_LIMIT_PKTS. */
    public static final int NFT_LIMIT_PKTS = 0;
    /** C NFT_LIMIT_PKT_BYTES. */
    public static final int NFT_LIMIT_PKT_BYTES = 1;
    /** C NFT_LIMIT_F_INV. */
    public static final int NFT_LIMIT_F_INV = 1;
    /** C NFTA_LIMIT_UNSPEC. */
    public static final int NFTA_LIMIT_UNSPEC = 0;
    /** C NFTA_LIMIT_RATE. */
    public static final int NFTA_LIMIT_RATE = 1;
    /** C NFTA_LIMIT_UNIT. */
    public static final int NFTA_LIMIT_UNIT = 2;
    /** C NFTA_LIMIT_BURST. */
    public static final int NFTA_LIMIT_BURST = 3;
    /** C NFTA_LIMIT_TYPE. */
    public static final int NFTA_LIMIT_TYPE = 4;
    /** C NFTA_LIMIT_FLAGS. */
    public static final int NFTA_LIMIT_FLAGS = 5;
    /** C NFTA_LIMIT_PAD. */
    public static final int NFTA_LIMIT_PAD = 6;
    /** C NFT_CONNLIMIT_F_INV. */
    public static final int NFT_CONNLIMIT_F_INV = 1;
    /** C NFTA_CONNLIMIT_UNSPEC. */
    public static final int NFTA_CONNLIMIT_UNSPEC = 0;
    /** C NFTA_CONNLIMIT_COUNT. */
    public static final int NFTA_CONNLIMIT_COUNT = 1;
    /** C NFTA_CONNLIMIT_FLAGS. */
    public static final int NFTA_CONNLIMIT_FLAGS = 2;
    /** C NFTA_COUNTER_UNSPEC. */
    public static final int NFTA_COUNTER_UNSPEC = 0;
    /** C NFTA_COUNTER_BYTES. */
    public static final int NFTA_COUNTER_BYTES = 1;
    /** C NFTA_COUNTER_PACKETS. */
    public static final int NFTA_COUNTER_PACKETS = 2;
    /** C NFTA_COUNTER_PAD. */
    public static final int NFTA_COUNTER_PAD = 3;
    /** C NFTA_LAST_UNSPEC. */
    public static final int NFTA_LAST_UNSPEC = 0;
    /** C NFTA_LAST_SET. */
    public static final int NFTA_LAST_SET = 1;
    /** C NFTA_LAST_MSECS. */
    public static final int NFTA_LAST_MSECS = 2;
    /** C NFTA_LAST_PAD. */
    public static final int NFTA_LAST_PAD = 3;
    /** C NFTA_LOG_UNSPEC. */
    public static final int NFTA_LOG_UNSPEC = 0;
    /** C NFTA_LOG_GROUP. */
    public static final int NFTA_LOG_GROUP = 1;
    /** C NFTA_LOG_PREFIX. */
    public static final int NFTA_LOG_PREFIX = 2;
    /** C NFTA_LOG_SNAPLEN. */
    public static final int NFTA_LOG_SNAPLEN = 3;
    /** C NFTA_LOG_QTHRESHOLD. */
    public static final int NFTA_LOG_QTHRESHOLD = 4;
    /** C NFTA_LOG_LEVEL. */
    public static final int NFTA_LOG_LEVEL = 5;
    /** C NFTA_LOG_FLAGS. */
    public static final int NFTA_LOG_FLAGS = 6;
    /** C NFT_LOGLEVEL_EMERG. */
    public static final int NFT_LOGLEVEL_EMERG = 0;
    /** C NFT_LOGLEVEL_ALERT. */
    public static final int NFT_LOGLEVEL_ALERT = 1;
    /** C NFT_LOGLEVEL_CRIT. */
    public static final int NFT_LOGLEVEL_CRIT = 2;
    /** C NFT_LOGLEVEL_ERR. */
    public static final int NFT_LOGLEVEL_ERR = 3;
    /** C NFT_LOGLEVEL_WARNING. */
    public static final int NFT_LOGLEVEL_WARNING = 4;
    /** C NFT_LOGLEVEL_NOTICE. */
    public static final int NFT_LOGLEVEL_NOTICE = 5;
    /** C NFT_LOGLEVEL_INFO. */
    public static final int NFT_LOGLEVEL_INFO = 6;
    /** C NFT_LOGLEVEL_DEBUG. */
    public static final int NFT_LOGLEVEL_DEBUG = 7;
    /** C NFT_LOGLEVEL_AUDIT. */
    public static final int NFT_LOGLEVEL_AUDIT = 8;
    /** C NFTA_QUEUE_UNSPEC. */
    public static final int NFTA_QUEUE_UNSPEC = 0;
    /** C NFTA_QUEUE_NUM. */
    public static final int NFTA_QUEUE_NUM = 1;
    /** C NFTA_QUEUE_TOTAL. */
    public static final int NFTA_QUEUE_TOTAL = 2;
    /** C NFTA_QUEUE_FLAGS. */
    public static final int NFTA_QUEUE_FLAGS = 3;
    /** C NFTA_QUEUE_SREG_QNUM. */
    public static final int NFTA_QUEUE_SREG_QNUM = 4;
    /** C NFT_QUOTA_F_INV. */
    public static final int NFT_QUOTA_F_INV = 1;
    /** C NFT_QUOTA_F_DEPLETED. */
    public static final int NFT_QUOTA_F_DEPLETED = 2;
    /** C NFTA_QUOTA_UNSPEC. */
    public static final int NFTA_QUOTA_UNSPEC = 0;
    /** C NFTA_QUOTA_BYTES. */
    public static final int NFTA_QUOTA_BYTES = 1;
    /** C NFTA_QUOTA_FLAGS. */
    public static final int NFTA_QUOTA_FLAGS = 2;
    /** C NFTA_QUOTA_PAD. */
    public static final int NFTA_QUOTA_PAD = 3;
    /** C NFTA_QUOTA_CONSUMED. */
    public static final int NFTA_QUOTA_CONSUMED = 4;
    /** C NFTA_SECMARK_UNSPEC. */
    public static final int NFTA_SECMARK_UNSPEC = 0;
    /** C NFTA_SECMARK_CTX. */
    public static final int NFTA_SECMARK_CTX = 1;
    /** C NFT_REJECT_ICMP_UNREACH. */
    public static final int NFT_REJECT_ICMP_UNREACH = 0;
    /** C NFT_REJECT_TCP_RST. */
    public static final int NFT_REJECT_TCP_RST = 1;
    /** C NFT_REJECT_ICMPX_UNREACH. */
    public static final int NFT_REJECT_ICMPX_UNREACH = 2;
    /** C NFT_REJECT_ICMPX_NO_ROUTE. */
    public static final int NFT_REJECT_ICMPX_NO_ROUTE = 0;
    /** C NFT_REJECT_ICMPX_PORT_UNREACH. */
    public static final int NFT_REJECT_ICMPX_PORT_UNREACH = 1;
    /** C NFT_REJECT_ICMPX_HOST_UNREACH. */
    public static final int NFT_REJECT_ICMPX_HOST_UNREACH = 2;
    /** C NFT_REJECT_ICMPX_ADMIN_PROHIBITED. */
    public static final int NFT_REJECT_ICMPX_ADMIN_PROHIBITED = 3;
    /** C NFTA_REJECT_UNSPEC. */
    public static final int NFTA_REJECT_UNSPEC = 0;
    /** C NFTA_REJECT_TYPE. */
    public static final int NFTA_REJECT_TYPE = 1;
    /** C NFTA_REJECT_ICMP_CODE. */
    public static final int NFTA_REJECT_ICMP_CODE = 2;
    /** C NFT_NAT_SNAT. */
    public static final int NFT_NAT_SNAT = 0;
    /** C NFT_NAT_DNAT. */
    public static final int NFT_NAT_DNAT = 1;
    /** C NFTA_NAT_UNSPEC. */
    public static final int NFTA_NAT_UNSPEC = 0;
    /** C NFTA_NAT_TYPE. */
    public static final int NFTA_NAT_TYPE = 1;
    /** C NFTA_NAT_FAMILY. */
    public static final int NFTA_NAT_FAMILY = 2;
    /** C NFTA_NAT_REG_ADDR_MIN. */
    public static final int NFTA_NAT_REG_ADDR_MIN = 3;
    /** C NFTA_NAT_REG_ADDR_MAX. */
    public static final int NFTA_NAT_REG_ADDR_MAX = 4;
    /** C NFTA_NAT_REG_PROTO_MIN. */
    public static final int NFTA_NAT_REG_PROTO_MIN = 5;
    /** C NFTA_NAT_REG_PROTO_MAX. */
    public static final int NFTA_NAT_REG_PROTO_MAX = 6;
    /** C NFTA_NAT_FLAGS. */
    public static final int NFTA_NAT_FLAGS = 7;
    /** C NFTA_TPROXY_UNSPEC. */
    public static final int NFTA_TPROXY_UNSPEC = 0;
    /** C NFTA_TPROXY_FAMILY. */
    public static final int NFTA_TPROXY_FAMILY = 1;
    /** C NFTA_TPROXY_REG_ADDR. */
    public static final int NFTA_TPROXY_REG_ADDR = 2;
    /** C NFTA_TPROXY_REG_PORT. */
    public static final int NFTA_TPROXY_REG_PORT = 3;
    /** C NFTA_MASQ_UNSPEC. */
    public static final int NFTA_MASQ_UNSPEC = 0;
    /** C NFTA_MASQ_FLAGS. */
    public static final int NFTA_MASQ_FLAGS = 1;
    /** C NFTA_MASQ_REG_PROTO_MIN. */
    public static final int NFTA_MASQ_REG_PROTO_MIN = 2;
    /** C NFTA_MASQ_REG_PROTO_MAX. */
    public static final int NFTA_MASQ_REG_PROTO_MAX = 3;
    /** C NFTA_REDIR_UNSPEC. */
    public static final int NFTA_REDIR_UNSPEC = 0;
    /** C NFTA_REDIR_REG_PROTO_MIN. */
    public static final int NFTA_REDIR_REG_PROTO_MIN = 1;
    /** C NFTA_REDIR_REG_PROTO_MAX. */
    public static final int NFTA_REDIR_REG_PROTO_MAX = 2;
    /** C NFTA_REDIR_FLAGS. */
    public static final int NFTA_REDIR_FLAGS = 3;
    /** C NFTA_DUP_UNSPEC. */
    public static final int NFTA_DUP_UNSPEC = 0;
    /** C NFTA_DUP_SREG_ADDR. */
    public static final int NFTA_DUP_SREG_ADDR = 1;
    /** C NFTA_DUP_SREG_DEV. */
    public static final int NFTA_DUP_SREG_DEV = 2;
    /** C NFTA_FWD_UNSPEC. */
    public static final int NFTA_FWD_UNSPEC = 0;
    /** C NFTA_FWD_SREG_DEV. */
    public static final int NFTA_FWD_SREG_DEV = 1;
    /** C NFTA_FWD_SREG_ADDR. */
    public static final int NFTA_FWD_SREG_ADDR = 2;
    /** C NFTA_FWD_NFPROTO. */
    public static final int NFTA_FWD_NFPROTO = 3;
    /** C NFTA_OBJREF_UNSPEC. */
    public static final int NFTA_OBJREF_UNSPEC = 0;
    /** C NFTA_OBJREF_IMM_TYPE. */
    public static final int NFTA_OBJREF_IMM_TYPE = 1;
    /** C NFTA_OBJREF_IMM_NAME. */
    public static final int NFTA_OBJREF_IMM_NAME = 2;
    /** C NFTA_OBJREF_SET_SREG. */
    public static final int NFTA_OBJREF_SET_SREG = 3;
    /** C NFTA_OBJREF_SET_NAME. */
    public static final int NFTA_OBJREF_SET_NAME = 4;
    /** C NFTA_OBJREF_SET_ID. */
    public static final int NFTA_OBJREF_SET_ID = 5;
    /** C NFTA_GEN_UNSPEC. */
    public static final int NFTA_GEN_UNSPEC = 0;
    /** C NFTA_GEN_ID. */
    public static final int NFTA_GEN_ID = 1;
    /** C NFTA_GEN_PROC_PID. */
    public static final int NFTA_GEN_PROC_PID = 2;
    /** C NFTA_GEN_PROC_NAME. */
    public static final int NFTA_GEN_PROC_NAME = 3;
    /** C NFTA_FIB_UNSPEC. */
    public static final int NFTA_FIB_UNSPEC = 0;
    /** C NFTA_FIB_DREG. */
    public static final int NFTA_FIB_DREG = 1;
    /** C NFTA_FIB_RESULT. */
    public static final int NFTA_FIB_RESULT = 2;
    /** C NFTA_FIB_FLAGS. */
    public static final int NFTA_FIB_FLAGS = 3;
    /** C NFT_FIB_RESULT_UNSPEC. */
    public static final int NFT_FIB_RESULT_UNSPEC = 0;
    /** C NFT_FIB_RESULT_OIF. */
    public static final int NFT_FIB_RESULT_OIF = 1;
    /** C NFT_FIB_RESULT_OIFNAME. */
    public static final int NFT_FIB_RESULT_OIFNAME = 2;
    /** C NFT_FIB_RESULT_ADDRTYPE. */
    public static final int NFT_FIB_RESULT_ADDRTYPE = 3;
    /** C NFTA_FIB_F_SADDR. */
    public static final int NFTA_FIB_F_SADDR = 1;
    /** C NFTA_FIB_F_DADDR. */
    public static final int NFTA_FIB_F_DADDR = 2;
    /** C NFTA_FIB_F_MARK. */
    public static final int NFTA_FIB_F_MARK = 4;
    /** C NFTA_FIB_F_IIF. */
    public static final int NFTA_FIB_F_IIF = 8;
    /** C NFTA_FIB_F_OIF. */
    public static final int NFTA_FIB_F_OIF = 16;
    /** C NFTA_FIB_F_PRESENT. */
    public static final int NFTA_FIB_F_PRESENT = 32;
    /** C NFTA_CT_HELPER_UNSPEC. */
    public static final int NFTA_CT_HELPER_UNSPEC = 0;
    /** C NFTA_CT_HELPER_NAME. */
    public static final int NFTA_CT_HELPER_NAME = 1;
    /** C NFTA_CT_HELPER_L3PROTO. */
    public static final int NFTA_CT_HELPER_L3PROTO = 2;
    /** C NFTA_CT_HELPER_L4PROTO. */
    public static final int NFTA_CT_HELPER_L4PROTO = 3;
    /** C NFTA_CT_TIMEOUT_UNSPEC. */
    public static final int NFTA_CT_TIMEOUT_UNSPEC = 0;
    /** C NFTA_CT_TIMEOUT_L3PROTO. */
    public static final int NFTA_CT_TIMEOUT_L3PROTO = 1;
    /** C NFTA_CT_TIMEOUT_L4PROTO. */
    public static final int NFTA_CT_TIMEOUT_L4PROTO = 2;
    /** C NFTA_CT_TIMEOUT_DATA. */
    public static final int NFTA_CT_TIMEOUT_DATA = 3;
    /** C NFTA_CT_EXPECT_UNSPEC. */
    public static final int NFTA_CT_EXPECT_UNSPEC = 0;
    /** C NFTA_CT_EXPECT_L3PROTO. */
    public static final int NFTA_CT_EXPECT_L3PROTO = 1;
    /** C NFTA_CT_EXPECT_L4PROTO. */
    public static final int NFTA_CT_EXPECT_L4PROTO = 2;
    /** C NFTA_CT_EXPECT_DPORT. */
    public static final int NFTA_CT_EXPECT_DPORT = 3;
    /** C NFTA_CT_EXPECT_TIMEOUT. */
    public static final int NFTA_CT_EXPECT_TIMEOUT = 4;
    /** C NFTA_CT_EXPECT_SIZE. */
    public static final int NFTA_CT_EXPECT_SIZE = 5;
    /** C NFTA_OBJ_UNSPEC. */
    public static final int NFTA_OBJ_UNSPEC = 0;
    /** C NFTA_OBJ_TABLE. */
    public static final int NFTA_OBJ_TABLE = 1;
    /** C NFTA_OBJ_NAME. */
    public static final int NFTA_OBJ_NAME = 2;
    /** C NFTA_OBJ_TYPE. */
    public static final int NFTA_OBJ_TYPE = 3;
    /** C NFTA_OBJ_DATA. */
    public static final int NFTA_OBJ_DATA = 4;
    /** C NFTA_OBJ_USE. */
    public static final int NFTA_OBJ_USE = 5;
    /** C NFTA_OBJ_HANDLE. */
    public static final int NFTA_OBJ_HANDLE = 6;
    /** C NFTA_OBJ_PAD. */
    public static final int NFTA_OBJ_PAD = 7;
    /** C NFTA_OBJ_USERDATA. */
    public static final int NFTA_OBJ_USERDATA = 8;
    /** C NFT_FLOWTABLE_HW_OFFLOAD. */
    public static final int NFT_FLOWTABLE_HW_OFFLOAD = 1;
    /** C NFT_FLOWTABLE_COUNTER. */
    public static final int NFT_FLOWTABLE_COUNTER = 2;
    /** C NFT_FLOWTABLE_MASK. */
    public static final int NFT_FLOWTABLE_MASK = 3;
    /** C NFTA_FLOWTABLE_UNSPEC. */
    public static final int NFTA_FLOWTABLE_UNSPEC = 0;
    /** C NFTA_FLOWTABLE_TABLE. */
    public static final int NFTA_FLOWTABLE_TABLE = 1;
    /** C NFTA_FLOWTABLE_NAME. */
    public static final int NFTA_FLOWTABLE_NAME = 2;
    /** C NFTA_FLOWTABLE_HOOK. */
    public static final int NFTA_FLOWTABLE_HOOK = 3;
    /** C NFTA_FLOWTABLE_USE. */
    public static final int NFTA_FLOWTABLE_USE = 4;
    /** C NFTA_FLOWTABLE_HANDLE. */
    public static final int NFTA_FLOWTABLE_HANDLE = 5;
    /** C NFTA_FLOWTABLE_PAD. */
    public static final int NFTA_FLOWTABLE_PAD = 6;
    /** C NFTA_FLOWTABLE_FLAGS. */
    public static final int NFTA_FLOWTABLE_FLAGS = 7;
    /** C NFTA_FLOWTABLE_HOOK_UNSPEC. */
    public static final int NFTA_FLOWTABLE_HOOK_UNSPEC = 0;
    /** C NFTA_FLOWTABLE_HOOK_NUM. */
    public static final int NFTA_FLOWTABLE_HOOK_NUM = 1;
    /** C NFTA_FLOWTABLE_HOOK_PRIORITY. */
    public static final int NFTA_FLOWTABLE_HOOK_PRIORITY = 2;
    /** C NFTA_FLOWTABLE_HOOK_DEVS. */
    public static final int NFTA_FLOWTABLE_HOOK_DEVS = 3;
    /** C NFTA_OSF_UNSPEC. */
    public static final int NFTA_OSF_UNSPEC = 0;
    /** C NFTA_OSF_DREG. */
    public static final int NFTA_OSF_DREG = 1;
    /** C NFTA_OSF_TTL. */
    public static final int NFTA_OSF_TTL = 2;
    /** C NFTA_OSF_FLAGS. */
    public static final int NFTA_OSF_FLAGS = 3;
    /** C NFT_OSF_F_VERSION. */
    public static final int NFT_OSF_F_VERSION = 1;
    /** C NFTA_SYNPROXY_UNSPEC. */
    public static final int NFTA_SYNPROXY_UNSPEC = 0;
    /** C NFTA_SYNPROXY_MSS. */
    public static final int NFTA_SYNPROXY_MSS = 1;
    /** C NFTA_SYNPROXY_WSCALE. */
    public static final int NFTA_SYNPROXY_WSCALE = 2;
    /** C NFTA_SYNPROXY_FLAGS. */
    public static final int NFTA_SYNPROXY_FLAGS = 3;
    /** C NFTA_DEVICE_UNSPEC. */
    public static final int NFTA_DEVICE_UNSPEC = 0;
    /** C NFTA_DEVICE_NAME. */
    public static final int NFTA_DEVICE_NAME = 1;
    /** C NFTA_XFRM_UNSPEC. */
    public static final int NFTA_XFRM_UNSPEC = 0;
    /** C NFTA_XFRM_DREG. */
    public static final int NFTA_XFRM_DREG = 1;
    /** C NFTA_XFRM_KEY. */
    public static final int NFTA_XFRM_KEY = 2;
    /** C NFTA_XFRM_DIR. */
    public static final int NFTA_XFRM_DIR = 3;
    /** C NFTA_XFRM_SPNUM. */
    public static final int NFTA_XFRM_SPNUM = 4;
    /** C NFT_XFRM_KEY_UNSPEC. */
    public static final int NFT_XFRM_KEY_UNSPEC = 0;
    /** C NFT_XFRM_KEY_DADDR_IP4. */
    public static final int NFT_XFRM_KEY_DADDR_IP4 = 1;
    /** C NFT_XFRM_KEY_DADDR_IP6. */
    public static final int NFT_XFRM_KEY_DADDR_IP6 = 2;
    /** C NFT_XFRM_KEY_SADDR_IP4. */
    public static final int NFT_XFRM_KEY_SADDR_IP4 = 3;
    /** C NFT_XFRM_KEY_SADDR_IP6. */
    public static final int NFT_XFRM_KEY_SADDR_IP6 = 4;
    /** C NFT_XFRM_KEY_REQID. */
    public static final int NFT_XFRM_KEY_REQID = 5;
    /** C NFT_XFRM_KEY_SPI. */
    public static final int NFT_XFRM_KEY_SPI = 6;
    /** C NFTA_TRACE_UNSPEC. */
    public static final int NFTA_TRACE_UNSPEC = 0;
    /** C NFTA_TRACE_TABLE. */
    public static final int NFTA_TRACE_TABLE = 1;
    /** C NFTA_TRACE_CHAIN. */
    public static final int NFTA_TRACE_CHAIN = 2;
    /** C NFTA_TRACE_RULE_HANDLE. */
    public static final int NFTA_TRACE_RULE_HANDLE = 3;
    /** C NFTA_TRACE_TYPE. */
    public static final int NFTA_TRACE_TYPE = 4;
    /** C NFTA_TRACE_VERDICT. */
    public static final int NFTA_TRACE_VERDICT = 5;
    /** C NFTA_TRACE_ID. */
    public static final int NFTA_TRACE_ID = 6;
    /** C NFTA_TRACE_LL_HEADER. */
    public static final int NFTA_TRACE_LL_HEADER = 7;
    /** C NFTA_TRACE_NETWORK_HEADER. */
    public static final int NFTA_TRACE_NETWORK_HEADER = 8;
    /** C NFTA_TRACE_TRANSPORT_HEADER. */
    public static final int NFTA_TRACE_TRANSPORT_HEADER = 9;
    /** C NFTA_TRACE_IIF. */
    public static final int NFTA_TRACE_IIF = 10;
    /** C NFTA_TRACE_IIFTYPE. */
    public static final int NFTA_TRACE_IIFTYPE = 11;
    /** C NFTA_TRACE_OIF. */
    public static final int NFTA_TRACE_OIF = 12;
    /** C NFTA_TRACE_OIFTYPE. */
    public static final int NFTA_TRACE_OIFTYPE = 13;
    /** C NFTA_TRACE_MARK. */
    public static final int NFTA_TRACE_MARK = 14;
    /** C NFTA_TRACE_NFPROTO. */
    public static final int NFTA_TRACE_NFPROTO = 15;
    /** C NFTA_TRACE_POLICY. */
    public static final int NFTA_TRACE_POLICY = 16;
    /** C NFTA_TRACE_PAD. */
    public static final int NFTA_TRACE_PAD = 17;
    /** C NFT_TRACETYPE_UNSPEC. */
    public static final int NFT_TRACETYPE_UNSPEC = 0;
    /** C NFT_TRACETYPE_POLICY. */
    public static final int NFT_TRACETYPE_POLICY = 1;
    /** C NFT_TRACETYPE_RETURN. */
    public static final int NFT_TRACETYPE_RETURN = 2;
    /** C NFT_TRACETYPE_RULE. */
    public static final int NFT_TRACETYPE_RULE = 3;
    /** C NFTA_NG_UNSPEC. */
    public static final int NFTA_NG_UNSPEC = 0;
    /** C NFTA_NG_DREG. */
    public static final int NFTA_NG_DREG = 1;
    /** C NFTA_NG_MODULUS. */
    public static final int NFTA_NG_MODULUS = 2;
    /** C NFTA_NG_TYPE. */
    public static final int NFTA_NG_TYPE = 3;
    /** C NFTA_NG_OFFSET. */
    public static final int NFTA_NG_OFFSET = 4;
    /** C NFTA_NG_SET_NAME. */
    public static final int NFTA_NG_SET_NAME = 5;
    /** C NFTA_NG_SET_ID. */
    public static final int NFTA_NG_SET_ID = 6;
    /** C NFT_NG_INCREMENTAL. */
    public static final int NFT_NG_INCREMENTAL = 0;
    /** C NFT_NG_RANDOM. */
    public static final int NFT_NG_RANDOM = 1;
    /** C NFTA_TUNNEL_KEY_IP_UNSPEC. */
    public static final int NFTA_TUNNEL_KEY_IP_UNSPEC = 0;
    /** C NFTA_TUNNEL_KEY_IP_SRC. */
    public static final int NFTA_TUNNEL_KEY_IP_SRC = 1;
    /** C NFTA_TUNNEL_KEY_IP_DST. */
    public static final int NFTA_TUNNEL_KEY_IP_DST = 2;
    /** C NFTA_TUNNEL_KEY_IP6_UNSPEC. */
    public static final int NFTA_TUNNEL_KEY_IP6_UNSPEC = 0;
    /** C NFTA_TUNNEL_KEY_IP6_SRC. */
    public static final int NFTA_TUNNEL_KEY_IP6_SRC = 1;
    /** C NFTA_TUNNEL_KEY_IP6_DST. */
    public static final int NFTA_TUNNEL_KEY_IP6_DST = 2;
    /** C NFTA_TUNNEL_KEY_IP6_FLOWLABEL. */
    public static final int NFTA_TUNNEL_KEY_IP6_FLOWLABEL = 3;
    /** C NFTA_TUNNEL_KEY_OPTS_UNSPEC. */
    public static final int NFTA_TUNNEL_KEY_OPTS_UNSPEC = 0;
    /** C NFTA_TUNNEL_KEY_OPTS_VXLAN. */
    public static final int NFTA_TUNNEL_KEY_OPTS_VXLAN = 1;
    /** C NFTA_TUNNEL_KEY_OPTS_ERSPAN. */
    public static final int NFTA_TUNNEL_KEY_OPTS_ERSPAN = 2;
    /** C NFTA_TUNNEL_KEY_OPTS_GENEVE. */
    public static final int NFTA_TUNNEL_KEY_OPTS_GENEVE = 3;
    /** C NFTA_TUNNEL_KEY_VXLAN_UNSPEC. */
    public static final int NFTA_TUNNEL_KEY_VXLAN_UNSPEC = 0;
    /** C NFTA_TUNNEL_KEY_VXLAN_GBP. */
    public static final int NFTA_TUNNEL_KEY_VXLAN_GBP = 1;
    /** C NFTA_TUNNEL_KEY_ERSPAN_UNSPEC. */
    public static final int NFTA_TUNNEL_KEY_ERSPAN_UNSPEC = 0;
    /** C NFTA_TUNNEL_KEY_ERSPAN_VERSION. */
    public static final int NFTA_TUNNEL_KEY_ERSPAN_VERSION = 1;
    /** C NFTA_TUNNEL_KEY_ERSPAN_V1_INDEX. */
    public static final int NFTA_TUNNEL_KEY_ERSPAN_V1_INDEX = 2;
    /** C NFTA_TUNNEL_KEY_ERSPAN_V2_HWID. */
    public static final int NFTA_TUNNEL_KEY_ERSPAN_V2_HWID = 3;
    /** C NFTA_TUNNEL_KEY_ERSPAN_V2_DIR. */
    public static final int NFTA_TUNNEL_KEY_ERSPAN_V2_DIR = 4;
    /** C NFTA_TUNNEL_KEY_GENEVE_UNSPEC. */
    public static final int NFTA_TUNNEL_KEY_GENEVE_UNSPEC = 0;
    /** C NFTA_TUNNEL_KEY_GENEVE_CLASS. */
    public static final int NFTA_TUNNEL_KEY_GENEVE_CLASS = 1;
    /** C NFTA_TUNNEL_KEY_GENEVE_TYPE. */
    public static final int NFTA_TUNNEL_KEY_GENEVE_TYPE = 2;
    /** C NFTA_TUNNEL_KEY_GENEVE_DATA. */
    public static final int NFTA_TUNNEL_KEY_GENEVE_DATA = 3;
    /** C NFT_TUNNEL_F_ZERO_CSUM_TX. */
    public static final int NFT_TUNNEL_F_ZERO_CSUM_TX = 1;
    /** C NFT_TUNNEL_F_DONT_FRAGMENT. */
    public static final int NFT_TUNNEL_F_DONT_FRAGMENT = 2;
    /** C NFT_TUNNEL_F_SEQ_NUMBER. */
    public static final int NFT_TUNNEL_F_SEQ_NUMBER = 4;
    /** C NFTA_TUNNEL_KEY_UNSPEC. */
    public static final int NFTA_TUNNEL_KEY_UNSPEC = 0;
    /** C NFTA_TUNNEL_KEY_ID. */
    public static final int NFTA_TUNNEL_KEY_ID = 1;
    /** C NFTA_TUNNEL_KEY_IP. */
    public static final int NFTA_TUNNEL_KEY_IP = 2;
    /** C NFTA_TUNNEL_KEY_IP6. */
    public static final int NFTA_TUNNEL_KEY_IP6 = 3;
    /** C NFTA_TUNNEL_KEY_FLAGS. */
    public static final int NFTA_TUNNEL_KEY_FLAGS = 4;
    /** C NFTA_TUNNEL_KEY_TOS. */
    public static final int NFTA_TUNNEL_KEY_TOS = 5;
    /** C NFTA_TUNNEL_KEY_TTL. */
    public static final int NFTA_TUNNEL_KEY_TTL = 6;
    /** C NFTA_TUNNEL_KEY_SPORT. */
    public static final int NFTA_TUNNEL_KEY_SPORT = 7;
    /** C NFTA_TUNNEL_KEY_DPORT. */
    public static final int NFTA_TUNNEL_KEY_DPORT = 8;
    /** C NFTA_TUNNEL_KEY_OPTS. */
    public static final int NFTA_TUNNEL_KEY_OPTS = 9;
    /** C NFT_TUNNEL_PATH. */
    public static final int NFT_TUNNEL_PATH = 0;
    /** C NFT_TUNNEL_ID. */
    public static final int NFT_TUNNEL_ID = 1;
    /** C NFT_TUNNEL_MODE_NONE. */
    public static final int NFT_TUNNEL_MODE_NONE = 0;
    /** C NFT_TUNNEL_MODE_RX. */
    public static final int NFT_TUNNEL_MODE_RX = 1;
    /** C NFT_TUNNEL_MODE_TX. */
    public static final int NFT_TUNNEL_MODE_TX = 2;
    /** C NFTA_TUNNEL_UNSPEC. */
    public static final int NFTA_TUNNEL_UNSPEC = 0;
    /** C NFTA_TUNNEL_KEY. */
    public static final int NFTA_TUNNEL_KEY = 1;
    /** C NFTA_TUNNEL_DREG. */
    public static final int NFTA_TUNNEL_DREG = 2;
    /** C NFTA_TUNNEL_MODE. */
    public static final int NFTA_TUNNEL_MODE = 3;
    /** C NFT_NAME_MAXLEN. */
    public static final int NFT_NAME_MAXLEN = 256;
    /** C NFT_TABLE_MAXNAMELEN. */
    public static final int NFT_TABLE_MAXNAMELEN = 256;
    /** C NFT_CHAIN_MAXNAMELEN. */
    public static final int NFT_CHAIN_MAXNAMELEN = 256;
    /** C NFT_SET_MAXNAMELEN. */
    public static final int NFT_SET_MAXNAMELEN = 256;
    /** C NFT_OBJ_MAXNAMELEN. */
    public static final int NFT_OBJ_MAXNAMELEN = 256;
    /** C NFT_USERDATA_MAXLEN. */
    public static final int NFT_USERDATA_MAXLEN = 256;
    /** C NFT_OSF_MAXGENRELEN. */
    public static final int NFT_OSF_MAXGENRELEN = 16;
    /** C NFT_REG_SIZE. */
    public static final int NFT_REG_SIZE = 16;
    /** C NFT_REG32_SIZE. */
    public static final int NFT_REG32_SIZE = 4;
    /** C NFT_REG32_COUNT. */
    public static final int NFT_REG32_COUNT = 16;
    /** C NFT_TABLE_F_MASK. */
    public static final int NFT_TABLE_F_MASK = 3;
    /** C NFT_CHAIN_FLAGS. */
    public static final int NFT_CHAIN_FLAGS = 7;
    /** C NFT_DATA_RESERVED_MASK. */
    public static final int NFT_DATA_RESERVED_MASK = 0xffffff00;
    /** C NFT_DATA_VALUE_MAXLEN. */
    public static final int NFT_DATA_VALUE_MAXLEN = 64;
    /** C NFT_BITWISE_BOOL. */
    public static final int NFT_BITWISE_BOOL = 0;
    /** C NFT_META_IIFTYPE. */
    public static final int NFT_META_IIFTYPE = 8;
    /** C NFT_QUEUE_FLAG_BYPASS. */
    public static final int NFT_QUEUE_FLAG_BYPASS = 1;
    /** C NFT_QUEUE_FLAG_CPU_FANOUT. */
    public static final int NFT_QUEUE_FLAG_CPU_FANOUT = 2;
    /** C NFT_QUEUE_FLAG_MASK. */
    public static final int NFT_QUEUE_FLAG_MASK = 3;
    /** C NFT_SECMARK_CTX_MAXLEN. */
    public static final int NFT_SECMARK_CTX_MAXLEN = 4096;
    /** C NFT_OBJECT_UNSPEC. */
    public static final int NFT_OBJECT_UNSPEC = 0;
    /** C NFT_OBJECT_COUNTER. */
    public static final int NFT_OBJECT_COUNTER = 1;
    /** C NFT_OBJECT_QUOTA. */
    public static final int NFT_OBJECT_QUOTA = 2;
    /** C NFT_OBJECT_CT_HELPER. */
    public static final int NFT_OBJECT_CT_HELPER = 3;
    /** C NFT_OBJECT_LIMIT. */
    public static final int NFT_OBJECT_LIMIT = 4;
    /** C NFT_OBJECT_CONNLIMIT. */
    public static final int NFT_OBJECT_CONNLIMIT = 5;
    /** C NFT_OBJECT_TUNNEL. */
    public static final int NFT_OBJECT_TUNNEL = 6;
    /** C NFT_OBJECT_CT_TIMEOUT. */
    public static final int NFT_OBJECT_CT_TIMEOUT = 7;
    /** C NFT_OBJECT_SECMARK. */
    public static final int NFT_OBJECT_SECMARK = 8;
    /** C NFT_OBJECT_CT_EXPECT. */
    public static final int NFT_OBJECT_CT_EXPECT = 9;
    /** C NFT_OBJECT_SYNPROXY. */
    public static final int NFT_OBJECT_SYNPROXY = 10;
    /** C NFT_TUNNEL_F_MASK. */
    public static final int NFT_TUNNEL_F_MASK = 7;
}
