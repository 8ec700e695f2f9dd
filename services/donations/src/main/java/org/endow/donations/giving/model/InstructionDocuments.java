package org.endow.donations.giving.model;

/** Renders payment instructions as a document (PDF) the donor keeps or prints. */
public interface InstructionDocuments {

    byte[] render(PaymentInstructions instructions);
}
