package org.endow.donations.receipts.model;

/** Renders an annual statement as a document (PDF). */
public interface StatementDocuments {

    byte[] render(AnnualStatement statement);
}
