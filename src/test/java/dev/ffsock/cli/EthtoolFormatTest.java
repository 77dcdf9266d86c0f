package dev.ffsock.cli;

import dev.ffsock.netlink.ethtool.Ethnl;
import dev.ffsock.netlink.ethtool.EthtoolBitset;
import dev.ffsock.netlink.ethtool.EthtoolHeader;
import dev.ffsock.netlink.ethtool.EthtoolLinkModes;
import dev.ffsock.netlink.ethtool.EthtoolPause;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code ethtool -a}'s text and JSON, which no device on the test machine answers (every one refuses
 * PAUSE_GET): the layout ethtool 6.1 prints, and the negotiated directions from both ends' pause modes.
 */
class EthtoolFormatTest {
    private static EthtoolBitset modes(int... bits) {
        BitSet b = new BitSet();
        for (int i : bits) b.set(i);
        return EthtoolBitset.of(100, b);
    }

    private static EthtoolLinkModes link(EthtoolBitset ours, EthtoolBitset peer) {
        return new EthtoolLinkModes(new EthtoolHeader(2, "eth0"), 1, ours, peer, 1000, 1, 1L);
    }

    @Test
    void pauseWithoutAutonegotiation() {
        EthtoolPause p = new EthtoolPause(new EthtoolHeader(2, "eth0"), false, true, false);
        assertEquals("Pause parameters for eth0:\nAutonegotiate:\toff\nRX:\t\ton\nTX:\t\toff\n\n",
                EthtoolFormat.pause("eth0", p, null));
        assertEquals("[ {\n        \"ifname\": \"eth0\",\n        \"autonegotiate\": false,\n        \"rx\": true,\n"
                + "        \"tx\": false\n    } ]\n", EthtoolFormat.ethtoolJson(EthtoolFormat.pauseJson("eth0", p, null)));
    }

    @Test
    void negotiatedDirections() {
        int pause = Ethnl.ETHTOOL_LINK_MODE_Pause_BIT, asym = Ethnl.ETHTOOL_LINK_MODE_Asym_Pause_BIT;
        EthtoolPause p = new EthtoolPause(new EthtoolHeader(2, "eth0"), true, true, true);
        assertEquals("Pause parameters for eth0:\nAutonegotiate:\ton\nRX:\t\ton\nTX:\t\ton\n"
                + "RX negotiated: on\nTX negotiated: on\n\n",
                EthtoolFormat.pause("eth0", p, link(modes(pause), modes(pause))));
        // both asymmetric: RX if this end advertises pause, else TX if the partner does
        assertEquals("RX negotiated: on\nTX negotiated: off\n\n", tail(EthtoolFormat.pause("eth0", p,
                link(modes(pause, asym), modes(asym)))));
        assertEquals("RX negotiated: off\nTX negotiated: on\n\n", tail(EthtoolFormat.pause("eth0", p,
                link(modes(asym), modes(pause, asym)))));
        assertEquals("RX negotiated: off\nTX negotiated: off\n\n", tail(EthtoolFormat.pause("eth0", p,
                link(modes(pause), modes(asym)))));
        assertEquals("[ {\n        \"ifname\": \"eth0\",\n        \"autonegotiate\": true,\n        \"rx\": true,\n"
                + "        \"tx\": true,\n        \"negotiated\": {\n            \"rx\": true,\n            \"tx\": true\n"
                + "        }\n    } ]\n",
                EthtoolFormat.ethtoolJson(EthtoolFormat.pauseJson("eth0", p, link(modes(pause), modes(pause)))));
    }

    private static String tail(String s) {
        return s.substring(s.indexOf("RX negotiated"));
    }
}
