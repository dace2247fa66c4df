package org.opensspr.devices;

import java.time.Instant;
import java.util.List;

/**
 * A device in the admin's list. {@code ready} is null (and {@code findings} empty) until the
 * device reported its first inventory; {@code groups} leaves out the implicit {@code all}.
 */
public record DeviceSummary(
        String id,
        String name,
        String os,
        String osVersion,
        Integer osBuild,
        String edition,
        boolean enabled,
        Instant joinedAt,
        Instant lastSeen,
        List<String> groups,
        Boolean ready,
        List<ReadinessFinding> findings) {}
