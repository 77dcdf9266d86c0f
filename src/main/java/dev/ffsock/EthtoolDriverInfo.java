package dev.ffsock;

/**
 * A network driver's description, {@code struct ethtool_drvinfo} as {@code ETHTOOL_GDRVINFO} returns
 * it: what {@code ethtool -i DEV} prints.
 *
 * @param driver the driver's name ({@code driver:})
 * @param version the driver's version ({@code version:})
 * @param firmwareVersion the firmware version, often empty ({@code firmware-version:})
 * @param expansionRomVersion the expansion ROM version, often empty ({@code expansion-rom-version:})
 * @param busInfo the device's bus address, often empty ({@code bus-info:})
 * @param privFlags how many private flags the driver has ({@code supports-priv-flags:} when not 0)
 * @param statistics how many statistics {@code ethtool -S} shows ({@code supports-statistics:} when not 0)
 * @param testInfoLength the self-test result count ({@code supports-test:} when not 0)
 * @param eepromLength the EEPROM size in bytes ({@code supports-eeprom-access:} when not 0)
 * @param registerDumpLength the register dump size in bytes ({@code supports-register-dump:} when not 0)
 */
public record EthtoolDriverInfo(String driver, String version, String firmwareVersion, String expansionRomVersion,
        String busInfo, int privFlags, int statistics, int testInfoLength, int eepromLength,
        int registerDumpLength) {
}
