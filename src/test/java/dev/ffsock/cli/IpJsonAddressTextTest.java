package dev.ffsock.cli;

import dev.ffsock.netlink.route.RawAttribute;
import dev.ffsock.netlink.route.Rtnl;
import dev.ffsock.netlink.route.Rule;
import dev.ffsock.netlink.route.RuleAction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Addresses the JSON output takes from raw netlink bytes print as {@code ip} prints them, which is
 * inet_ntop(3) of the bytes as given: a 16-byte IPv4-mapped address stays {@code ::ffff:a.b.c.d}
 * (an InetAddress made from those bytes would be an Inet4Address and print as {@code a.b.c.d}).
 */
class IpJsonAddressTextTest {
    private static final byte[] MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};
    private static final byte[] V4 = {10, 1, 2, 3};

    @Test
    void tunnelHardwareAddresses() {
        assertEquals("::ffff:10.1.2.3", IpJson.hardware(MAPPED, 769)); // ARPHRD_TUNNEL6
        assertEquals("::ffff:10.1.2.3", IpJson.hardware(MAPPED, 823)); // ARPHRD_IP6GRE
        assertEquals("10.1.2.3", IpJson.hardware(V4, 768));           // ARPHRD_TUNNEL
    }

    @Test
    void natRuleGateway() {
        assertEquals("::ffff:10.1.2.3", IpJsonPolicy.rule(natRule(MAPPED)).get("nat_gateway"));
        assertEquals("10.1.2.3", IpJsonPolicy.rule(natRule(V4)).get("nat_gateway"));
    }

    private static Rule natRule(byte[] gateway) {
        return new Rule(gateway.length == 4 ? 2 : 10, 0, 0, 0, 254, new RuleAction(Rtnl.RTN_NAT), 0, null, null,
                null, null, 100, 0, 0, 0, -1, -1, -1, false, null, 0, 0, null, null,
                List.of(new RawAttribute(Rtnl.RTA_GATEWAY, gateway)));
    }
}
