package org.endow.sponsors.catalogue.model;

/** A clause a contract carries when it includes a benefit that needs it. */
public record LegalClause(String code, String title, String text) {}
