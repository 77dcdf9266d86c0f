package dev.ffsock.netlink.ethtool;

/**
 * Constants of the generic netlink family {@code ethtool} ({@code <linux/ethtool_netlink.h>}) with their C names:
 * message types, request flags and attribute types. Values are Linux's (the same on every architecture);
 * the project's probe test checks each against gcc.
 */
public final class Ethnl {
    private Ethnl() {
    }

    /** The family's name, C ETHTOOL_GENL_NAME. */
    public static final String ETHTOOL_GENL_NAME = "ethtool";
    /** C ETHTOOL_MSG_STRSET_GET. */
    public static final int ETHTOOL_MSG_STRSET_GET = 1;
    /** C ETHTOOL_MSG_LINKINFO_GET. */
    public static final int ETHTOOL_MSG_LINKINFO_GET = 2;
    /** C ETHTOOL_MSG_LINKINFO_SET. */
    public static final int ETHTOOL_MSG_LINKINFO_SET = 3;
    /** C ETHTOOL_MSG_LINKMODES_GET. */
    public static final int ETHTOOL_MSG_LINKMODES_GET = 4;
    /** C ETHTOOL_MSG_LINKMODES_SET. */
    public static final int ETHTOOL_MSG_LINKMODES_SET = 5;
    /** C ETHTOOL_MSG_LINKSTATE_GET. */
    public static final int ETHTOOL_MSG_LINKSTATE_GET = 6;
    /** C ETHTOOL_MSG_DEBUG_GET. */
    public static final int ETHTOOL_MSG_DEBUG_GET = 7;
    /** C ETHTOOL_MSG_DEBUG_SET. */
    public static final int ETHTOOL_MSG_DEBUG_SET = 8;
    /** C ETHTOOL_MSG_WOL_GET. */
    public static final int ETHTOOL_MSG_WOL_GET = 9;
    /** C ETHTOOL_MSG_WOL_SET. */
    public static final int ETHTOOL_MSG_WOL_SET = 10;
    /** C ETHTOOL_MSG_FEATURES_GET. */
    public static final int ETHTOOL_MSG_FEATURES_GET = 11;
    /** C ETHTOOL_MSG_FEATURES_SET. */
    public static final int ETHTOOL_MSG_FEATURES_SET = 12;
    /** C ETHTOOL_MSG_PRIVFLAGS_GET. */
    public static final int ETHTOOL_MSG_PRIVFLAGS_GET = 13;
    /** C ETHTOOL_MSG_PRIVFLAGS_SET. */
    public static final int ETHTOOL_MSG_PRIVFLAGS_SET = 14;
    /** C ETHTOOL_MSG_RINGS_GET. */
    public static final int ETHTOOL_MSG_RINGS_GET = 15;
    /** C ETHTOOL_MSG_RINGS_SET. */
    public static final int ETHTOOL_MSG_RINGS_SET = 16;
    /** C ETHTOOL_MSG_CHANNELS_GET. */
    public static final int ETHTOOL_MSG_CHANNELS_GET = 17;
    /** C ETHTOOL_MSG_CHANNELS_SET. */
    public static final int ETHTOOL_MSG_CHANNELS_SET = 18;
    /** C ETHTOOL_MSG_COALESCE_GET. */
    public static final int ETHTOOL_MSG_COALESCE_GET = 19;
    /** C ETHTOOL_MSG_COALESCE_SET. */
    public static final int ETHTOOL_MSG_COALESCE_SET = 20;
    /** C ETHTOOL_MSG_PAUSE_GET. */
    public static final int ETHTOOL_MSG_PAUSE_GET = 21;
    /** C ETHTOOL_MSG_PAUSE_SET. */
    public static final int ETHTOOL_MSG_PAUSE_SET = 22;
    /** C ETHTOOL_MSG_EEE_GET. */
    public static final int ETHTOOL_MSG_EEE_GET = 23;
    /** C ETHTOOL_MSG_EEE_SET. */
    public static final int ETHTOOL_MSG_EEE_SET = 24;
    /** C ETHTOOL_MSG_TSINFO_GET. */
    public static final int ETHTOOL_MSG_TSINFO_GET = 25;
    /** C ETHTOOL_MSG_CABLE_TEST_ACT. */
    public static final int ETHTOOL_MSG_CABLE_TEST_ACT = 26;
    /** C ETHTOOL_MSG_CABLE_TEST_TDR_ACT. */
    public static final int ETHTOOL_MSG_CABLE_TEST_TDR_ACT = 27;
    /** C ETHTOOL_MSG_TUNNEL_INFO_GET. */
    public static final int ETHTOOL_MSG_TUNNEL_INFO_GET = 28;
    /** C ETHTOOL_MSG_FEC_GET. */
    public static final int ETHTOOL_MSG_FEC_GET = 29;
    /** C ETHTOOL_MSG_FEC_SET. */
    public static final int ETHTOOL_MSG_FEC_SET = 30;
    /** C ETHTOOL_MSG_MODULE_EEPROM_GET. */
    public static final int ETHTOOL_MSG_MODULE_EEPROM_GET = 31;
    /** C ETHTOOL_MSG_STATS_GET. */
    public static final int ETHTOOL_MSG_STATS_GET = 32;
    /** C ETHTOOL_MSG_PHC_VCLOCKS_GET. */
    public static final int ETHTOOL_MSG_PHC_VCLOCKS_GET = 33;
    /** C ETHTOOL_MSG_MODULE_GET. */
    public static final int ETHTOOL_MSG_MODULE_GET = 34;
    /** C ETHTOOL_MSG_MODULE_SET. */
    public static final int ETHTOOL_MSG_MODULE_SET = 35;
    /** C ETHTOOL_MSG_PSE_GET. */
    public static final int ETHTOOL_MSG_PSE_GET = 36;
    /** C ETHTOOL_MSG_PSE_SET. */
    public static final int ETHTOOL_MSG_PSE_SET = 37;
    /** C ETHTOOL_MSG_STRSET_GET_REPLY. */
    public static final int ETHTOOL_MSG_STRSET_GET_REPLY = 1;
    /** C ETHTOOL_MSG_LINKINFO_GET_REPLY. */
    public static final int ETHTOOL_MSG_LINKINFO_GET_REPLY = 2;
    /** C ETHTOOL_MSG_LINKINFO_NTF. */
    public static final int ETHTOOL_MSG_LINKINFO_NTF = 3;
    /** C ETHTOOL_MSG_LINKMODES_GET_REPLY. */
    public static final int ETHTOOL_MSG_LINKMODES_GET_REPLY = 4;
    /** C ETHTOOL_MSG_LINKMODES_NTF. */
    public static final int ETHTOOL_MSG_LINKMODES_NTF = 5;
    /** C ETHTOOL_MSG_LINKSTATE_GET_REPLY. */
    public static final int ETHTOOL_MSG_LINKSTATE_GET_REPLY = 6;
    /** C ETHTOOL_MSG_DEBUG_GET_REPLY. */
    public static final int ETHTOOL_MSG_DEBUG_GET_REPLY = 7;
    /** C ETHTOOL_MSG_DEBUG_NTF. */
    public static final int ETHTOOL_MSG_DEBUG_NTF = 8;
    /** C ETHTOOL_MSG_WOL_GET_REPLY. */
    public static final int ETHTOOL_MSG_WOL_GET_REPLY = 9;
    /** C ETHTOOL_MSG_WOL_NTF. */
    public static final int ETHTOOL_MSG_WOL_NTF = 10;
    /** C ETHTOOL_MSG_FEATURES_GET_REPLY. */
    public static final int ETHTOOL_MSG_FEATURES_GET_REPLY = 11;
    /** C ETHTOOL_MSG_FEATURES_SET_REPLY. */
    public static final int ETHTOOL_MSG_FEATURES_SET_REPLY = 12;
    /** C ETHTOOL_MSG_FEATURES_NTF. */
    public static final int ETHTOOL_MSG_FEATURES_NTF = 13;
    /** C ETHTOOL_MSG_PRIVFLAGS_GET_REPLY. */
    public static final int ETHTOOL_MSG_PRIVFLAGS_GET_REPLY = 14;
    /** C ETHTOOL_MSG_PRIVFLAGS_NTF. */
    public static final int ETHTOOL_MSG_PRIVFLAGS_NTF = 15;
    /** C ETHTOOL_MSG_RINGS_GET_REPLY. */
    public static final int ETHTOOL_MSG_RINGS_GET_REPLY = 16;
    /** C ETHTOOL_MSG_RINGS_NTF. */
    public static final int ETHTOOL_MSG_RINGS_NTF = 17;
    /** C ETHTOOL_MSG_CHANNELS_GET_REPLY. */
    public static final int ETHTOOL_MSG_CHANNELS_GET_REPLY = 18;
    /** C ETHTOOL_MSG_CHANNELS_NTF. */
    public static final int ETHTOOL_MSG_CHANNELS_NTF = 19;
    /** C ETHTOOL_MSG_COALESCE_GET_REPLY. */
    public static final int ETHTOOL_MSG_COALESCE_GET_REPLY = 20;
    /** C ETHTOOL_MSG_COALESCE_NTF. */
    public static final int ETHTOOL_MSG_COALESCE_NTF = 21;
    /** C ETHTOOL_MSG_PAUSE_GET_REPLY. */
    public static final int ETHTOOL_MSG_PAUSE_GET_REPLY = 22;
    /** C ETHTOOL_MSG_PAUSE_NTF. */
    public static final int ETHTOOL_MSG_PAUSE_NTF = 23;
    /** C ETHTOOL_MSG_EEE_GET_REPLY. */
    public static final int ETHTOOL_MSG_EEE_GET_REPLY = 24;
    /** C ETHTOOL_MSG_EEE_NTF. */
    public static final int ETHTOOL_MSG_EEE_NTF = 25;
    /** C ETHTOOL_MSG_TSINFO_GET_REPLY. */
    public static final int ETHTOOL_MSG_TSINFO_GET_REPLY = 26;
    /** C ETHTOOL_MSG_CABLE_TEST_NTF. */
    public static final int ETHTOOL_MSG_CABLE_TEST_NTF = 27;
    /** C ETHTOOL_MSG_CABLE_TEST_TDR_NTF. */
    public static final int ETHTOOL_MSG_CABLE_TEST_TDR_NTF = 28;
    /** C ETHTOOL_MSG_TUNNEL_INFO_GET_REPLY. */
    public static final int ETHTOOL_MSG_TUNNEL_INFO_GET_REPLY = 29;
    /** C ETHTOOL_MSG_FEC_GET_REPLY. */
    public static final int ETHTOOL_MSG_FEC_GET_REPLY = 30;
    /** C ETHTOOL_MSG_FEC_NTF. */
    public static final int ETHTOOL_MSG_FEC_NTF = 31;
    /** C ETHTOOL_MSG_MODULE_EEPROM_GET_REPLY. */
    public static final int ETHTOOL_MSG_MODULE_EEPROM_GET_REPLY = 32;
    /** C ETHTOOL_MSG_STATS_GET_REPLY. */
    public static final int ETHTOOL_MSG_STATS_GET_REPLY = 33;
    /** C ETHTOOL_MSG_PHC_VCLOCKS_GET_REPLY. */
    public static final int ETHTOOL_MSG_PHC_VCLOCKS_GET_REPLY = 34;
    /** C ETHTOOL_MSG_MODULE_GET_REPLY. */
    public static final int ETHTOOL_MSG_MODULE_GET_REPLY = 35;
    /** C ETHTOOL_MSG_MODULE_NTF. */
    public static final int ETHTOOL_MSG_MODULE_NTF = 36;
    /** C ETHTOOL_MSG_PSE_GET_REPLY. */
    public static final int ETHTOOL_MSG_PSE_GET_REPLY = 37;
    /** C ETHTOOL_FLAG_COMPACT_BITSETS. */
    public static final int ETHTOOL_FLAG_COMPACT_BITSETS = 1;
    /** C ETHTOOL_FLAG_OMIT_REPLY. */
    public static final int ETHTOOL_FLAG_OMIT_REPLY = 2;
    /** C ETHTOOL_FLAG_STATS. */
    public static final int ETHTOOL_FLAG_STATS = 4;
    /** C ETHTOOL_A_HEADER_DEV_INDEX. */
    public static final int ETHTOOL_A_HEADER_DEV_INDEX = 1;
    /** C ETHTOOL_A_HEADER_DEV_NAME. */
    public static final int ETHTOOL_A_HEADER_DEV_NAME = 2;
    /** C ETHTOOL_A_HEADER_FLAGS. */
    public static final int ETHTOOL_A_HEADER_FLAGS = 3;
    /** C ETHTOOL_A_BITSET_BIT_INDEX. */
    public static final int ETHTOOL_A_BITSET_BIT_INDEX = 1;
    /** C ETHTOOL_A_BITSET_BIT_NAME. */
    public static final int ETHTOOL_A_BITSET_BIT_NAME = 2;
    /** C ETHTOOL_A_BITSET_BIT_VALUE. */
    public static final int ETHTOOL_A_BITSET_BIT_VALUE = 3;
    /** C ETHTOOL_A_BITSET_BITS_BIT. */
    public static final int ETHTOOL_A_BITSET_BITS_BIT = 1;
    /** C ETHTOOL_A_BITSET_NOMASK. */
    public static final int ETHTOOL_A_BITSET_NOMASK = 1;
    /** C ETHTOOL_A_BITSET_SIZE. */
    public static final int ETHTOOL_A_BITSET_SIZE = 2;
    /** C ETHTOOL_A_BITSET_BITS. */
    public static final int ETHTOOL_A_BITSET_BITS = 3;
    /** C ETHTOOL_A_BITSET_VALUE. */
    public static final int ETHTOOL_A_BITSET_VALUE = 4;
    /** C ETHTOOL_A_BITSET_MASK. */
    public static final int ETHTOOL_A_BITSET_MASK = 5;
    /** C ETHTOOL_A_STRING_INDEX. */
    public static final int ETHTOOL_A_STRING_INDEX = 1;
    /** C ETHTOOL_A_STRING_VALUE. */
    public static final int ETHTOOL_A_STRING_VALUE = 2;
    /** C ETHTOOL_A_STRINGS_STRING. */
    public static final int ETHTOOL_A_STRINGS_STRING = 1;
    /** C ETHTOOL_A_STRINGSET_ID. */
    public static final int ETHTOOL_A_STRINGSET_ID = 1;
    /** C ETHTOOL_A_STRINGSET_COUNT. */
    public static final int ETHTOOL_A_STRINGSET_COUNT = 2;
    /** C ETHTOOL_A_STRINGSET_STRINGS. */
    public static final int ETHTOOL_A_STRINGSET_STRINGS = 3;
    /** C ETHTOOL_A_STRINGSETS_STRINGSET. */
    public static final int ETHTOOL_A_STRINGSETS_STRINGSET = 1;
    /** C ETHTOOL_A_STRSET_HEADER. */
    public static final int ETHTOOL_A_STRSET_HEADER = 1;
    /** C ETHTOOL_A_STRSET_STRINGSETS. */
    public static final int ETHTOOL_A_STRSET_STRINGSETS = 2;
    /** C ETHTOOL_A_STRSET_COUNTS_ONLY. */
    public static final int ETHTOOL_A_STRSET_COUNTS_ONLY = 3;
    /** C ETHTOOL_A_LINKINFO_HEADER. */
    public static final int ETHTOOL_A_LINKINFO_HEADER = 1;
    /** C ETHTOOL_A_LINKINFO_PORT. */
    public static final int ETHTOOL_A_LINKINFO_PORT = 2;
    /** C ETHTOOL_A_LINKINFO_PHYADDR. */
    public static final int ETHTOOL_A_LINKINFO_PHYADDR = 3;
    /** C ETHTOOL_A_LINKINFO_TP_MDIX. */
    public static final int ETHTOOL_A_LINKINFO_TP_MDIX = 4;
    /** C ETHTOOL_A_LINKINFO_TP_MDIX_CTRL. */
    public static final int ETHTOOL_A_LINKINFO_TP_MDIX_CTRL = 5;
    /** C ETHTOOL_A_LINKINFO_TRANSCEIVER. */
    public static final int ETHTOOL_A_LINKINFO_TRANSCEIVER = 6;
    /** C ETHTOOL_A_LINKMODES_HEADER. */
    public static final int ETHTOOL_A_LINKMODES_HEADER = 1;
    /** C ETHTOOL_A_LINKMODES_AUTONEG. */
    public static final int ETHTOOL_A_LINKMODES_AUTONEG = 2;
    /** C ETHTOOL_A_LINKMODES_OURS. */
    public static final int ETHTOOL_A_LINKMODES_OURS = 3;
    /** C ETHTOOL_A_LINKMODES_PEER. */
    public static final int ETHTOOL_A_LINKMODES_PEER = 4;
    /** C ETHTOOL_A_LINKMODES_SPEED. */
    public static final int ETHTOOL_A_LINKMODES_SPEED = 5;
    /** C ETHTOOL_A_LINKMODES_DUPLEX. */
    public static final int ETHTOOL_A_LINKMODES_DUPLEX = 6;
    /** C ETHTOOL_A_LINKMODES_MASTER_SLAVE_CFG. */
    public static final int ETHTOOL_A_LINKMODES_MASTER_SLAVE_CFG = 7;
    /** C ETHTOOL_A_LINKMODES_MASTER_SLAVE_STATE. */
    public static final int ETHTOOL_A_LINKMODES_MASTER_SLAVE_STATE = 8;
    /** C ETHTOOL_A_LINKMODES_LANES. */
    public static final int ETHTOOL_A_LINKMODES_LANES = 9;
    /** C ETHTOOL_A_LINKMODES_RATE_MATCHING. */
    public static final int ETHTOOL_A_LINKMODES_RATE_MATCHING = 10;
    /** C ETHTOOL_A_LINKSTATE_HEADER. */
    public static final int ETHTOOL_A_LINKSTATE_HEADER = 1;
    /** C ETHTOOL_A_LINKSTATE_LINK. */
    public static final int ETHTOOL_A_LINKSTATE_LINK = 2;
    /** C ETHTOOL_A_LINKSTATE_SQI. */
    public static final int ETHTOOL_A_LINKSTATE_SQI = 3;
    /** C ETHTOOL_A_LINKSTATE_SQI_MAX. */
    public static final int ETHTOOL_A_LINKSTATE_SQI_MAX = 4;
    /** C ETHTOOL_A_LINKSTATE_EXT_STATE. */
    public static final int ETHTOOL_A_LINKSTATE_EXT_STATE = 5;
    /** C ETHTOOL_A_LINKSTATE_EXT_SUBSTATE. */
    public static final int ETHTOOL_A_LINKSTATE_EXT_SUBSTATE = 6;
    /** C ETHTOOL_A_FEATURES_HEADER. */
    public static final int ETHTOOL_A_FEATURES_HEADER = 1;
    /** C ETHTOOL_A_FEATURES_HW. */
    public static final int ETHTOOL_A_FEATURES_HW = 2;
    /** C ETHTOOL_A_FEATURES_WANTED. */
    public static final int ETHTOOL_A_FEATURES_WANTED = 3;
    /** C ETHTOOL_A_FEATURES_ACTIVE. */
    public static final int ETHTOOL_A_FEATURES_ACTIVE = 4;
    /** C ETHTOOL_A_FEATURES_NOCHANGE. */
    public static final int ETHTOOL_A_FEATURES_NOCHANGE = 5;
    /** C ETHTOOL_A_RINGS_HEADER. */
    public static final int ETHTOOL_A_RINGS_HEADER = 1;
    /** C ETHTOOL_A_RINGS_RX_MAX. */
    public static final int ETHTOOL_A_RINGS_RX_MAX = 2;
    /** C ETHTOOL_A_RINGS_RX_MINI_MAX. */
    public static final int ETHTOOL_A_RINGS_RX_MINI_MAX = 3;
    /** C ETHTOOL_A_RINGS_RX_JUMBO_MAX. */
    public static final int ETHTOOL_A_RINGS_RX_JUMBO_MAX = 4;
    /** C ETHTOOL_A_RINGS_TX_MAX. */
    public static final int ETHTOOL_A_RINGS_TX_MAX = 5;
    /** C ETHTOOL_A_RINGS_RX. */
    public static final int ETHTOOL_A_RINGS_RX = 6;
    /** C ETHTOOL_A_RINGS_RX_MINI. */
    public static final int ETHTOOL_A_RINGS_RX_MINI = 7;
    /** C ETHTOOL_A_RINGS_RX_JUMBO. */
    public static final int ETHTOOL_A_RINGS_RX_JUMBO = 8;
    /** C ETHTOOL_A_RINGS_TX. */
    public static final int ETHTOOL_A_RINGS_TX = 9;
    /** C ETHTOOL_A_RINGS_RX_BUF_LEN. */
    public static final int ETHTOOL_A_RINGS_RX_BUF_LEN = 10;
    /** C ETHTOOL_A_RINGS_TCP_DATA_SPLIT. */
    public static final int ETHTOOL_A_RINGS_TCP_DATA_SPLIT = 11;
    /** C ETHTOOL_A_RINGS_CQE_SIZE. */
    public static final int ETHTOOL_A_RINGS_CQE_SIZE = 12;
    /** C ETHTOOL_A_RINGS_TX_PUSH. */
    public static final int ETHTOOL_A_RINGS_TX_PUSH = 13;
    /** C ETHTOOL_A_RINGS_MAX. */
    public static final int ETHTOOL_A_RINGS_MAX = 13;
    /** C ETHTOOL_A_CHANNELS_HEADER. */
    public static final int ETHTOOL_A_CHANNELS_HEADER = 1;
    /** C ETHTOOL_A_CHANNELS_RX_MAX. */
    public static final int ETHTOOL_A_CHANNELS_RX_MAX = 2;
    /** C ETHTOOL_A_CHANNELS_TX_MAX. */
    public static final int ETHTOOL_A_CHANNELS_TX_MAX = 3;
    /** C ETHTOOL_A_CHANNELS_OTHER_MAX. */
    public static final int ETHTOOL_A_CHANNELS_OTHER_MAX = 4;
    /** C ETHTOOL_A_CHANNELS_COMBINED_MAX. */
    public static final int ETHTOOL_A_CHANNELS_COMBINED_MAX = 5;
    /** C ETHTOOL_A_CHANNELS_RX_COUNT. */
    public static final int ETHTOOL_A_CHANNELS_RX_COUNT = 6;
    /** C ETHTOOL_A_CHANNELS_TX_COUNT. */
    public static final int ETHTOOL_A_CHANNELS_TX_COUNT = 7;
    /** C ETHTOOL_A_CHANNELS_OTHER_COUNT. */
    public static final int ETHTOOL_A_CHANNELS_OTHER_COUNT = 8;
    /** C ETHTOOL_A_CHANNELS_COMBINED_COUNT. */
    public static final int ETHTOOL_A_CHANNELS_COMBINED_COUNT = 9;
    /** C ETHTOOL_A_CHANNELS_MAX. */
    public static final int ETHTOOL_A_CHANNELS_MAX = 9;
    /** C ETHTOOL_A_COALESCE_HEADER. */
    public static final int ETHTOOL_A_COALESCE_HEADER = 1;
    /** C ETHTOOL_A_COALESCE_RX_USECS. */
    public static final int ETHTOOL_A_COALESCE_RX_USECS = 2;
    /** C ETHTOOL_A_COALESCE_RX_MAX_FRAMES. */
    public static final int ETHTOOL_A_COALESCE_RX_MAX_FRAMES = 3;
    /** C ETHTOOL_A_COALESCE_RX_USECS_IRQ. */
    public static final int ETHTOOL_A_COALESCE_RX_USECS_IRQ = 4;
    /** C ETHTOOL_A_COALESCE_RX_MAX_FRAMES_IRQ. */
    public static final int ETHTOOL_A_COALESCE_RX_MAX_FRAMES_IRQ = 5;
    /** C ETHTOOL_A_COALESCE_TX_USECS. */
    public static final int ETHTOOL_A_COALESCE_TX_USECS = 6;
    /** C ETHTOOL_A_COALESCE_TX_MAX_FRAMES. */
    public static final int ETHTOOL_A_COALESCE_TX_MAX_FRAMES = 7;
    /** C ETHTOOL_A_COALESCE_TX_USECS_IRQ. */
    public static final int ETHTOOL_A_COALESCE_TX_USECS_IRQ = 8;
    /** C ETHTOOL_A_COALESCE_TX_MAX_FRAMES_IRQ. */
    public static final int ETHTOOL_A_COALESCE_TX_MAX_FRAMES_IRQ = 9;
    /** C ETHTOOL_A_COALESCE_STATS_BLOCK_USECS. */
    public static final int ETHTOOL_A_COALESCE_STATS_BLOCK_USECS = 10;
    /** C ETHTOOL_A_COALESCE_USE_ADAPTIVE_RX. */
    public static final int ETHTOOL_A_COALESCE_USE_ADAPTIVE_RX = 11;
    /** C ETHTOOL_A_COALESCE_USE_ADAPTIVE_TX. */
    public static final int ETHTOOL_A_COALESCE_USE_ADAPTIVE_TX = 12;
    /** C ETHTOOL_A_COALESCE_PKT_RATE_LOW. */
    public static final int ETHTOOL_A_COALESCE_PKT_RATE_LOW = 13;
    /** C ETHTOOL_A_COALESCE_RX_USECS_LOW. */
    public static final int ETHTOOL_A_COALESCE_RX_USECS_LOW = 14;
    /** C ETHTOOL_A_COALESCE_RX_MAX_FRAMES_LOW. */
    public static final int ETHTOOL_A_COALESCE_RX_MAX_FRAMES_LOW = 15;
    /** C ETHTOOL_A_COALESCE_TX_USECS_LOW. */
    public static final int ETHTOOL_A_COALESCE_TX_USECS_LOW = 16;
    /** C ETHTOOL_A_COALESCE_TX_MAX_FRAMES_LOW. */
    public static final int ETHTOOL_A_COALESCE_TX_MAX_FRAMES_LOW = 17;
    /** C ETHTOOL_A_COALESCE_PKT_RATE_HIGH. */
    public static final int ETHTOOL_A_COALESCE_PKT_RATE_HIGH = 18;
    /** C ETHTOOL_A_COALESCE_RX_USECS_HIGH. */
    public static final int ETHTOOL_A_COALESCE_RX_USECS_HIGH = 19;
    /** C ETHTOOL_A_COALESCE_RX_MAX_FRAMES_HIGH. */
    public static final int ETHTOOL_A_COALESCE_RX_MAX_FRAMES_HIGH = 20;
    /** C ETHTOOL_A_COALESCE_TX_USECS_HIGH. */
    public static final int ETHTOOL_A_COALESCE_TX_USECS_HIGH = 21;
    /** C ETHTOOL_A_COALESCE_TX_MAX_FRAMES_HIGH. */
    public static final int ETHTOOL_A_COALESCE_TX_MAX_FRAMES_HIGH = 22;
    /** C ETHTOOL_A_COALESCE_RATE_SAMPLE_INTERVAL. */
    public static final int ETHTOOL_A_COALESCE_RATE_SAMPLE_INTERVAL = 23;
    /** C ETHTOOL_A_COALESCE_USE_CQE_MODE_TX. */
    public static final int ETHTOOL_A_COALESCE_USE_CQE_MODE_TX = 24;
    /** C ETHTOOL_A_COALESCE_USE_CQE_MODE_RX. */
    public static final int ETHTOOL_A_COALESCE_USE_CQE_MODE_RX = 25;
    /** C ETHTOOL_A_COALESCE_MAX. */
    public static final int ETHTOOL_A_COALESCE_MAX = 25;
    /** C ETHTOOL_A_PAUSE_HEADER. */
    public static final int ETHTOOL_A_PAUSE_HEADER = 1;
    /** C ETHTOOL_A_PAUSE_AUTONEG. */
    public static final int ETHTOOL_A_PAUSE_AUTONEG = 2;
    /** C ETHTOOL_A_PAUSE_RX. */
    public static final int ETHTOOL_A_PAUSE_RX = 3;
    /** C ETHTOOL_A_PAUSE_TX. */
    public static final int ETHTOOL_A_PAUSE_TX = 4;
    /** C ETHTOOL_A_PAUSE_STATS. */
    public static final int ETHTOOL_A_PAUSE_STATS = 5;
    /** C ETHTOOL_A_PAUSE_MAX. */
    public static final int ETHTOOL_A_PAUSE_MAX = 5;
    /** C ETHTOOL_A_PAUSE_STAT_TX_FRAMES. */
    public static final int ETHTOOL_A_PAUSE_STAT_TX_FRAMES = 2;
    /** C ETHTOOL_A_PAUSE_STAT_RX_FRAMES. */
    public static final int ETHTOOL_A_PAUSE_STAT_RX_FRAMES = 3;
    /** C ETHTOOL_A_PAUSE_STAT_MAX. */
    public static final int ETHTOOL_A_PAUSE_STAT_MAX = 3;
    /** C ETHTOOL_A_EEE_HEADER. */
    public static final int ETHTOOL_A_EEE_HEADER = 1;
    /** C ETHTOOL_A_EEE_MODES_OURS. */
    public static final int ETHTOOL_A_EEE_MODES_OURS = 2;
    /** C ETHTOOL_A_EEE_MODES_PEER. */
    public static final int ETHTOOL_A_EEE_MODES_PEER = 3;
    /** C ETHTOOL_A_EEE_ACTIVE. */
    public static final int ETHTOOL_A_EEE_ACTIVE = 4;
    /** C ETHTOOL_A_EEE_ENABLED. */
    public static final int ETHTOOL_A_EEE_ENABLED = 5;
    /** C ETHTOOL_A_EEE_TX_LPI_ENABLED. */
    public static final int ETHTOOL_A_EEE_TX_LPI_ENABLED = 6;
    /** C ETHTOOL_A_EEE_TX_LPI_TIMER. */
    public static final int ETHTOOL_A_EEE_TX_LPI_TIMER = 7;
    /** C ETHTOOL_A_EEE_MAX. */
    public static final int ETHTOOL_A_EEE_MAX = 7;
    /** C ETHTOOL_GENL_VERSION. */
    public static final int ETHTOOL_GENL_VERSION = 1;
    /** C ETH_SS_FEATURES. */
    public static final int ETH_SS_FEATURES = 4;
    /** C ETH_SS_STATS. */
    public static final int ETH_SS_STATS = 1;
    /** C ETHTOOL_LINK_MODE_Pause_BIT: the link mode bit for symmetric pause. */
    public static final int ETHTOOL_LINK_MODE_Pause_BIT = 13;
    /** C ETHTOOL_LINK_MODE_Asym_Pause_BIT: the link mode bit for asymmetric pause. */
    public static final int ETHTOOL_LINK_MODE_Asym_Pause_BIT = 14;

    // ---- STATS_GET (standard statistics, ethtool -S --groups): issue 11, ethtool leftovers
    /** C ETHTOOL_A_STATS_PAD. */
    public static final int ETHTOOL_A_STATS_PAD = 1;
    /** C ETHTOOL_A_STATS_HEADER. */
    public static final int ETHTOOL_A_STATS_HEADER = 2;
    /** C ETHTOOL_A_STATS_GROUPS. */
    public static final int ETHTOOL_A_STATS_GROUPS = 3;
    /** C ETHTOOL_A_STATS_GRP. */
    public static final int ETHTOOL_A_STATS_GRP = 4;
    /** C ETHTOOL_A_STATS_GRP_PAD. */
    public static final int ETHTOOL_A_STATS_GRP_PAD = 1;
    /** C ETHTOOL_A_STATS_GRP_ID. */
    public static final int ETHTOOL_A_STATS_GRP_ID = 2;
    /** C ETHTOOL_A_STATS_GRP_SS_ID. */
    public static final int ETHTOOL_A_STATS_GRP_SS_ID = 3;
    /** C ETHTOOL_A_STATS_GRP_STAT. */
    public static final int ETHTOOL_A_STATS_GRP_STAT = 4;
    /** C ETHTOOL_A_STATS_GRP_HIST_RX. */
    public static final int ETHTOOL_A_STATS_GRP_HIST_RX = 5;
    /** C ETHTOOL_A_STATS_GRP_HIST_TX. */
    public static final int ETHTOOL_A_STATS_GRP_HIST_TX = 6;
    /** C ETHTOOL_A_STATS_GRP_HIST_BKT_LOW. */
    public static final int ETHTOOL_A_STATS_GRP_HIST_BKT_LOW = 7;
    /** C ETHTOOL_A_STATS_GRP_HIST_BKT_HI. */
    public static final int ETHTOOL_A_STATS_GRP_HIST_BKT_HI = 8;
    /** C ETHTOOL_A_STATS_GRP_HIST_VAL. */
    public static final int ETHTOOL_A_STATS_GRP_HIST_VAL = 9;
    /** C ETHTOOL_STATS_ETH_PHY. */
    public static final int ETHTOOL_STATS_ETH_PHY = 0;
    /** C ETHTOOL_STATS_ETH_MAC. */
    public static final int ETHTOOL_STATS_ETH_MAC = 1;
    /** C ETHTOOL_STATS_ETH_CTRL. */
    public static final int ETHTOOL_STATS_ETH_CTRL = 2;
    /** C ETHTOOL_STATS_RMON. */
    public static final int ETHTOOL_STATS_RMON = 3;
    /** C ETH_SS_STATS_STD. */
    public static final int ETH_SS_STATS_STD = 16;
    /** C ETH_SS_STATS_ETH_PHY. */
    public static final int ETH_SS_STATS_ETH_PHY = 17;
    /** C ETH_SS_STATS_ETH_MAC. */
    public static final int ETH_SS_STATS_ETH_MAC = 18;
    /** C ETH_SS_STATS_ETH_CTRL. */
    public static final int ETH_SS_STATS_ETH_CTRL = 19;
    /** C ETH_SS_STATS_RMON. */
    public static final int ETH_SS_STATS_RMON = 20;
}
