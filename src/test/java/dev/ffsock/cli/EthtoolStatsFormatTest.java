package dev.ffsock.cli;

import dev.ffsock.netlink.ethtool.EthtoolHeader;
import dev.ffsock.netlink.ethtool.EthtoolStandardStats;
import dev.ffsock.netlink.ethtool.EthtoolStatsGroup;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The standard statistics printers on counters and rmon histograms no device in a test namespace has
 * (veth and tap report empty groups; EthtoolSetStatsCommandTest compares those with ethtool itself): the
 * expected text follows ethtool's netlink/stats.c printf formats ({@code GROUP-NAME: N},
 * {@code DIR-GROUP-etherStatsPktsLOWtoHIGHOctets: N}) and its JSON writer's layout.
 */
class EthtoolStatsFormatTest {
    private static EthtoolStandardStats stats() {
        Map<String, Long> mac = new LinkedHashMap<>();
        mac.put("FramesTransmittedOK", 12L);
        mac.put("OctetsTransmittedOK", -1L); // 2^64-1
        return new EthtoolStandardStats(new EthtoolHeader(3, "eth0"), List.of(
                new EthtoolStatsGroup(0, "eth-phy", 17, Map.of(), List.of(), List.of()),
                new EthtoolStatsGroup(1, "eth-mac", 18, mac, List.of(), List.of()),
                new EthtoolStatsGroup(3, "rmon", 20, Map.of("etherStatsUndersizePkts", 2L),
                        List.of(new EthtoolStatsGroup.Bucket(0, 64, 5), new EthtoolStatsGroup.Bucket(65, 127, 6),
                                new EthtoolStatsGroup.Bucket(1519, 0, 7)),
                        List.of(new EthtoolStatsGroup.Bucket(0, 64, 8)))));
    }

    @Test
    void textIsEthtools() {
        assertEquals("""
                Standard stats for eth0:
                eth-mac-FramesTransmittedOK: 12
                eth-mac-OctetsTransmittedOK: 18446744073709551615
                rmon-etherStatsUndersizePkts: 2
                rx-rmon-etherStatsPkts64Octets: 5
                rx-rmon-etherStatsPkts65to127Octets: 6
                rx-rmon-etherStatsPkts1519toMaxOctets: 7
                tx-rmon-etherStatsPkts64Octets: 8
                """, EthtoolFormat.standardStats("eth0", stats()));
    }

    @Test
    void jsonIsEthtools() {
        assertEquals("""
                [ {
                        "ifname": "eth0",
                        "eth-phy": {},
                        "eth-mac": {
                            "FramesTransmittedOK": 12,
                            "OctetsTransmittedOK": 18446744073709551615
                        },
                        "rmon": {
                            "etherStatsUndersizePkts": 2,
                            "rx-pktsNtoM": [ {
                                    "low": 0,
                                    "high": 64,
                                    "val": 5
                                },{
                                    "low": 65,
                                    "high": 127,
                                    "val": 6
                                },{
                                    "low": 1519,
                                    "high": 0,
                                    "val": 7
                                } ],
                            "tx-pktsNtoM": [ {
                                    "low": 0,
                                    "high": 64,
                                    "val": 8
                                } ]
                        }
                    } ]
                """, EthtoolFormat.ethtoolJson(EthtoolFormat.standardStatsJson("eth0", stats())));
    }
}
