package dev.archway.mapping;

/**
 * The result of one render.
 *
 * @param output the text the template wrote
 * @param overrides what the template left in {@code $context.requestOverride} and {@code $context.responseOverride},
 *     including what it was given
 */
public record Rendered(String output, Overrides overrides) {}
