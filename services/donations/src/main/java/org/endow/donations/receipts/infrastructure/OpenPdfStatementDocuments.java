package org.endow.donations.receipts.infrastructure;

import static org.endow.donations.receipts.infrastructure.OpenPdfReceiptDocuments.BODY;
import static org.endow.donations.receipts.infrastructure.OpenPdfReceiptDocuments.BOLD;
import static org.endow.donations.receipts.infrastructure.OpenPdfReceiptDocuments.FOUNDATION;
import static org.endow.donations.receipts.infrastructure.OpenPdfReceiptDocuments.SMALL;
import static org.endow.donations.receipts.infrastructure.OpenPdfReceiptDocuments.TITLE;
import static org.endow.donations.receipts.infrastructure.OpenPdfReceiptDocuments.TOTAL;
import static org.endow.donations.receipts.infrastructure.OpenPdfReceiptDocuments.cell;
import static org.endow.donations.receipts.infrastructure.OpenPdfReceiptDocuments.spacer;

import jakarta.inject.Singleton;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.endow.donations.receipts.model.AnnualStatement;
import org.endow.donations.receipts.model.StatementDocuments;
import org.endow.kernel.HumanTime;
import org.endow.kernel.Money;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** The annual statement as an A4 PDF, in the receipts' style: one line per receipt, net totals per currency. */
@Singleton
class OpenPdfStatementDocuments implements StatementDocuments {

    @Override
    public byte[] render(AnnualStatement statement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Annual giving statement " + statement.label());
            document.addAuthor(statement.foundation().name());
            document.addCreator("Endow");
            document.open();
            document.add(new Paragraph(statement.foundation().name(), FOUNDATION));
            document.add(new Paragraph(statement.foundation().address(), SMALL));
            document.add(new Paragraph(
                    "Tax identification: " + statement.foundation().taxId(), SMALL));
            spacer(document, 18);
            document.add(new Paragraph("Annual giving statement", TITLE));
            document.add(new Paragraph(
                    statement.label() + " · issued " + HumanTime.DOCUMENT_DAY.format(statement.issued()), BODY));
            spacer(document, 10);
            document.add(new Paragraph("Donor", SMALL));
            document.add(new Paragraph(statement.donorName(), BOLD));
            if (!statement.donorEmail().isBlank()) {
                document.add(new Paragraph(statement.donorEmail(), BODY));
            }
            spacer(document, 12);
            if (statement.lines().isEmpty()) {
                document.add(new Paragraph("No gifts were received from you in this fiscal year.", BODY));
            } else {
                PdfPTable table = new PdfPTable(new float[] {17, 18, 29, 18, 18});
                table.setWidthPercentage(100);
                for (String header : new String[] {"Receipt", "Received", "To", "Amount", "Net of refunds"}) {
                    PdfPCell cell = cell(
                            header,
                            BOLD,
                            header.startsWith("Amount") || header.startsWith("Net")
                                    ? Element.ALIGN_RIGHT
                                    : Element.ALIGN_LEFT);
                    cell.setBackgroundColor(new Color(0xee, 0xf2, 0xf7));
                    table.addCell(cell);
                }
                for (AnnualStatement.Line line : statement.lines()) {
                    table.addCell(cell(line.receipt().toString(), BODY, Element.ALIGN_LEFT));
                    table.addCell(cell(HumanTime.DOCUMENT_DAY.format(line.received()), BODY, Element.ALIGN_LEFT));
                    table.addCell(cell(line.earmark(), BODY, Element.ALIGN_LEFT));
                    table.addCell(cell(line.amount().withCode(), BODY, Element.ALIGN_RIGHT));
                    table.addCell(cell(line.net().withCode(), BODY, Element.ALIGN_RIGHT));
                }
                for (Map.Entry<String, Money> total : statement.netTotals().entrySet()) {
                    PdfPCell label = cell("Total given, " + total.getKey(), TOTAL, Element.ALIGN_RIGHT);
                    label.setColspan(4);
                    table.addCell(label);
                    table.addCell(cell(total.getValue().withCode(), TOTAL, Element.ALIGN_RIGHT));
                }
                document.add(table);
            }
            spacer(document, 14);
            document.add(new Paragraph(OpenPdfReceiptDocuments.NOTHING_IN_RETURN, BOLD));
            spacer(document, 6);
            document.add(new Paragraph(
                    "Each gift above has its own receipt, issued when it was received. Refunds, and amounts your"
                            + " bank took back on a card dispute, are deducted; please keep this statement with your"
                            + " tax records.",
                    BODY));
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render the statement " + statement.label(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
