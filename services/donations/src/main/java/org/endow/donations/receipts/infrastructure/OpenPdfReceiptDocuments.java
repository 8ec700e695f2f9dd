package org.endow.donations.receipts.infrastructure;

import jakarta.inject.Singleton;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import org.endow.donations.receipts.model.ReceiptContent;
import org.endow.donations.receipts.model.ReceiptDocuments;
import org.endow.kernel.HumanTime;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** The receipt as a one-page A4 PDF with OpenPDF: who received, from whom, what, when, and the tax statement. */
@Singleton
class OpenPdfReceiptDocuments implements ReceiptDocuments {

    static final String NOTHING_IN_RETURN = "No goods or services were provided in exchange for this contribution.";

    static final Font FOUNDATION = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18, new Color(0x1f, 0x4e, 0x8c));
    static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.DARK_GRAY);
    static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    static final Font TOTAL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);

    @Override
    public byte[] render(ReceiptContent receipt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Donation receipt " + receipt.number());
            document.addAuthor(receipt.foundation().name());
            document.addCreator("Endow");
            document.open();

            document.add(new Paragraph(receipt.foundation().name(), FOUNDATION));
            document.add(new Paragraph(receipt.foundation().address(), SMALL));
            document.add(
                    new Paragraph("Tax identification: " + receipt.foundation().taxId(), SMALL));
            spacer(document, 18);

            PdfPTable heading = new PdfPTable(new float[] {60, 40});
            heading.setWidthPercentage(100);
            heading.addCell(plain(new Phrase("Official donation receipt", TITLE), Element.ALIGN_LEFT));
            heading.addCell(plain(
                    new Phrase(
                            "Receipt no. " + receipt.number() + "\nIssued "
                                    + HumanTime.DOCUMENT_DAY.format(receipt.dateIssued()),
                            BOLD),
                    Element.ALIGN_RIGHT));
            document.add(heading);
            spacer(document, 12);

            document.add(new Paragraph("Received from", SMALL));
            document.add(new Paragraph(receipt.donorName(), BOLD));
            if (receipt.donorEmail() != null && !receipt.donorEmail().isBlank()) {
                document.add(new Paragraph(receipt.donorEmail(), BODY));
            }
            spacer(document, 12);

            PdfPTable gift = new PdfPTable(new float[] {22, 40, 15, 23});
            gift.setWidthPercentage(100);
            for (String header : new String[] {"Date received", "Description", "Method", "Amount"}) {
                PdfPCell cell = cell(header, BOLD, header.equals("Amount") ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                cell.setBackgroundColor(new Color(0xee, 0xf2, 0xf7));
                gift.addCell(cell);
            }
            gift.addCell(cell(HumanTime.DOCUMENT_DAY.format(receipt.dateReceived()), BODY, Element.ALIGN_LEFT));
            gift.addCell(cell("Charitable gift — " + receipt.earmark(), BODY, Element.ALIGN_LEFT));
            gift.addCell(cell(receipt.method(), BODY, Element.ALIGN_LEFT));
            gift.addCell(cell(receipt.amount().withCode(), BODY, Element.ALIGN_RIGHT));
            PdfPCell totalLabel = cell("Total contribution", TOTAL, Element.ALIGN_RIGHT);
            totalLabel.setColspan(3);
            gift.addCell(totalLabel);
            gift.addCell(cell(receipt.amount().withCode(), TOTAL, Element.ALIGN_RIGHT));
            document.add(gift);
            spacer(document, 14);

            String exchange = receipt.goodsOrServices() == null
                    ? NOTHING_IN_RETURN
                    : "In exchange for this contribution the donor received " + receipt.goodsOrServices()
                            + "; only the amount above that value may be deductible.";
            document.add(new Paragraph(exchange, BOLD));
            spacer(document, 6);
            document.add(new Paragraph(
                    receipt.foundation().name() + " acknowledges with thanks the contribution above, received on "
                            + HumanTime.DOCUMENT_DAY.format(receipt.dateReceived())
                            + ". Please keep this receipt for your tax records.",
                    BODY));
            spacer(document, 36);

            document.add(new Paragraph("______________________________", BODY));
            document.add(new Paragraph(receipt.foundation().signatory(), BOLD));
            document.add(new Paragraph("for " + receipt.foundation().name(), BODY));
            spacer(document, 36);
            Paragraph footer = new Paragraph(
                    "Receipt " + receipt.number() + " · issued by "
                            + receipt.foundation().name() + " · receipt numbers run without gaps within each year.",
                    SMALL);
            footer.setAlignment(Element.ALIGN_CENTER);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render receipt " + receipt.number(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    static void spacer(Document document, float height) {
        Paragraph space = new Paragraph(new Chunk(" ", BODY));
        space.setSpacingAfter(height - 10);
        document.add(space);
    }

    private static PdfPCell plain(Phrase phrase, int alignment) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(6);
        cell.setBorderColor(new Color(0xcc, 0xd3, 0xdd));
        return cell;
    }

    /** {@code USD 1,234.50}: exact, from minor units. */
}
