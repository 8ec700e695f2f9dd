package org.endow.donations.giving.infrastructure;

import jakarta.inject.Singleton;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import org.endow.donations.giving.model.InstructionDocuments;
import org.endow.donations.giving.model.PaymentInstructions;
import org.endow.donations.giving.model.PaymentMethod;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** The payment instructions for a pledge as a one-page A4 PDF. */
@Singleton
class OpenPdfInstructionDocuments implements InstructionDocuments {

    private static final Font HEADING =
            FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16, new Color(0x1f, 0x4e, 0x8c));
    private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA, 9, Color.DARK_GRAY);
    private static final Font VALUE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

    @Override
    public byte[] render(PaymentInstructions i) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4_096);
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Payment instructions " + i.reference());
            document.addCreator("Endow");
            document.open();
            document.add(new Paragraph(i.bank().accountName(), HEADING));
            document.add(new Paragraph(
                    i.method() == PaymentMethod.CHEQUE
                            ? "How to pay your gift by cheque"
                            : "How to pay your gift by bank transfer",
                    VALUE));
            Paragraph intro = new Paragraph(
                    "Thank you, " + i.donorName() + ", for your gift to " + i.purpose()
                            + ". Please quote the reference below so that we can match your payment to your pledge;"
                            + " your receipt follows when the money arrives.",
                    TEXT);
            intro.setSpacingBefore(8);
            intro.setSpacingAfter(14);
            document.add(intro);
            PdfPTable table = new PdfPTable(new float[] {30, 70});
            table.setWidthPercentage(100);
            row(table, "Amount", i.amount().withCode());
            row(table, "Reference", i.reference());
            if (i.method() == PaymentMethod.CHEQUE) {
                row(table, "Payable to", i.bank().accountName());
                row(table, "Send to", i.bank().chequeAddress());
                row(table, "On the back", "the reference " + i.reference());
            } else {
                row(table, "Account name", i.bank().accountName());
                row(table, "IBAN", i.bank().iban());
                row(table, "BIC", i.bank().bic());
            }
            document.add(table);
            Paragraph footer = new Paragraph("Pledge " + i.donationId(), LABEL);
            footer.setSpacingBefore(18);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render payment instructions " + i.reference(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void row(PdfPTable table, String label, String value) {
        PdfPCell left = new PdfPCell(new Paragraph(label, LABEL));
        PdfPCell right = new PdfPCell(new Paragraph(value, VALUE));
        for (PdfPCell cell : new PdfPCell[] {left, right}) {
            cell.setPadding(8);
            cell.setBorderColor(new Color(0xcc, 0xd3, 0xdd));
            table.addCell(cell);
        }
    }
}
