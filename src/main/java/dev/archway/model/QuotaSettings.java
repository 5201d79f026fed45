package dev.archway.model;

/**
 * A usage-plan quota: {@code limit} requests per {@code period} (DAY, WEEK or MONTH, on UTC
 * boundaries); {@code offset} requests are subtracted from the limit in the period in which the
 * quota was set.
 */
public record QuotaSettings(Integer limit, Integer offset, String period) {}
