package org.endow.sponsors.catalogue.model;

/** What sponsorship money is for (Foundation, PyPI, Packaging, ...); splits a fee in the ledger. */
public record Program(String code, String name) {}
