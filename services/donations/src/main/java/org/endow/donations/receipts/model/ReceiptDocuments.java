package org.endow.donations.receipts.model;

/** Renders a receipt as a PDF. */
public interface ReceiptDocuments {

    byte[] render(ReceiptContent content);
}
