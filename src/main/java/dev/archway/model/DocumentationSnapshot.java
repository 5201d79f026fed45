package dev.archway.model;

import java.util.List;

/** The documentation parts a documentation version froze: what a stage associated with it exports. */
public record DocumentationSnapshot(String version, List<DocumentationPart> parts) {}
