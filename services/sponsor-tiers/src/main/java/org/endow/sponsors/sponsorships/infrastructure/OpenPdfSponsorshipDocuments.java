package org.endow.sponsors.sponsorships.infrastructure;

import jakarta.inject.Singleton;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import org.endow.kernel.HumanTime;
import org.endow.sponsors.sponsorships.application.SponsorshipDocuments;
import org.endow.sponsors.sponsorships.model.Organisation;
import org.endow.sponsors.sponsorships.model.Sponsorship;
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

/** The sponsorship agreement and the invoice as A4 PDFs (OpenPDF). */
@Singleton
class OpenPdfSponsorshipDocuments implements SponsorshipDocuments {

    private static final Color INK = new Color(0x1f, 0x4e, 0x8c);
    private static final Font NAME = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18, INK);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11, INK);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.DARK_GRAY);
    private static final Font MONO = FontFactory.getFont(FontFactory.COURIER, 7, Color.DARK_GRAY);

    @Override
    public byte[] contract(Contract c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Sponsorship agreement " + c.organisation().name() + " r" + c.revision());
            document.addCreator("Endow");
            document.open();
            document.add(new Paragraph(c.foundation().name(), NAME));
            document.add(new Paragraph(
                    c.foundation().address() + " · " + c.foundation().taxId(), SMALL));
            space(document, 14);
            String state = c.foundationSignature() != null
                    ? "Executed"
                    : c.sponsor() != null ? "Signed by the sponsor" : "Draft for signature";
            document.add(new Paragraph("Sponsorship agreement — " + c.year(), TITLE));
            document.add(new Paragraph(state + " · revision " + c.revision() + " · " + c.sponsorshipId(), SMALL));
            space(document, 10);

            document.add(new Paragraph("1. Parties", HEAD));
            document.add(new Paragraph(
                    "This agreement is made between " + c.foundation().name() + " (the \"Foundation\"), "
                            + c.foundation().address() + ", and "
                            + c.organisation().name() + " (the \"Sponsor\"), "
                            + c.organisation().billingAddress().replace('\n', ' ') + ".",
                    BODY));
            Organisation.Contact primary = c.organisation().primary();
            document.add(
                    new Paragraph("Sponsor's primary contact: " + primary.name() + " <" + primary.email() + ">", BODY));
            space(document, 8);

            document.add(new Paragraph("2. Sponsorship and term", HEAD));
            document.add(new Paragraph(
                    "The Sponsor sponsors the Foundation at the " + c.packageName() + " level from "
                            + (c.start() == null ? "—" : HumanTime.DOCUMENT_DAY.format(c.start())) + " to "
                            + (c.end() == null ? "—" : HumanTime.DOCUMENT_DAY.format(c.end()))
                            + ", with the following benefits:",
                    BODY));
            space(document, 4);
            PdfPTable benefits = new PdfPTable(new float[] {62, 26, 12});
            benefits.setWidthPercentage(100);
            header(benefits, "Benefit", "Program", "Qty");
            for (BenefitLine line : c.benefits()) {
                benefits.addCell(cell(line.name(), BODY, Element.ALIGN_LEFT));
                benefits.addCell(cell(line.program(), BODY, Element.ALIGN_LEFT));
                benefits.addCell(cell(Integer.toString(line.quantity()), BODY, Element.ALIGN_RIGHT));
            }
            document.add(benefits);
            space(document, 8);

            document.add(new Paragraph("3. Fee and payment", HEAD));
            document.add(new Paragraph(
                    "The Sponsor pays the Foundation " + c.fee().withCode() + " within " + c.paymentTermsDays()
                            + " days of the invoice, which the Foundation issues when this agreement is executed."
                            + " The fee is a charitable contribution net of the fair market value of the benefits.",
                    BODY));
            space(document, 8);

            int number = 4;
            for (Clause clause : c.clauses()) {
                document.add(new Paragraph(number + ". " + clause.title(), HEAD));
                document.add(new Paragraph(clause.text(), BODY));
                space(document, 6);
                number++;
            }
            document.add(new Paragraph(number + ". Entire agreement", HEAD));
            document.add(new Paragraph(
                    "This agreement, signed electronically in the Foundation's portal by both parties, is the"
                            + " entire agreement between them on this sponsorship.",
                    BODY));
            space(document, 16);

            PdfPTable signatures = new PdfPTable(2);
            signatures.setWidthPercentage(100);
            signatures.addCell(
                    signatureBlock("For the Sponsor: " + c.organisation().name(), c.sponsor()));
            signatures.addCell(
                    signatureBlock("For the Foundation: " + c.foundation().name(), c.foundationSignature()));
            document.add(signatures);
            if (c.draftSha256() != null) {
                space(document, 8);
                document.add(new Paragraph(
                        "Signed document: SHA-256 of the draft revision " + c.revision() + " as read and signed:",
                        SMALL));
                document.add(new Paragraph(c.draftSha256(), MONO));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render the contract " + c.sponsorshipId(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    @Override
    public byte[] invoice(Invoice i) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Invoice " + i.number());
            document.addCreator("Endow");
            document.open();
            PdfPTable top = new PdfPTable(new float[] {60, 40});
            top.setWidthPercentage(100);
            PdfPCell from = new PdfPCell();
            from.setBorder(Rectangle.NO_BORDER);
            from.addElement(new Paragraph(i.foundation().name(), NAME));
            from.addElement(new Paragraph(i.foundation().address(), SMALL));
            from.addElement(
                    new Paragraph("Tax identification: " + i.foundation().taxId(), SMALL));
            top.addCell(from);
            PdfPCell meta = new PdfPCell();
            meta.setBorder(Rectangle.NO_BORDER);
            meta.addElement(new Paragraph("INVOICE", TITLE));
            meta.addElement(new Paragraph("No. " + i.number(), BOLD));
            meta.addElement(new Paragraph("Issued " + HumanTime.DOCUMENT_DAY.format(i.issued()), BODY));
            meta.addElement(new Paragraph("Due " + HumanTime.DOCUMENT_DAY.format(i.due()), BOLD));
            top.addCell(meta);
            document.add(top);
            space(document, 16);
            document.add(new Paragraph("Bill to", SMALL));
            document.add(new Paragraph(i.billTo().name(), BOLD));
            document.add(new Paragraph(i.billTo().billingAddress(), BODY));
            Organisation.Contact accounting = i.billTo().accounting();
            document.add(new Paragraph("Attn. " + accounting.name() + " <" + accounting.email() + ">", BODY));
            space(document, 14);
            PdfPTable lines = new PdfPTable(new float[] {75, 25});
            lines.setWidthPercentage(100);
            header(lines, "Description", "Amount");
            for (InvoiceLine line : i.lines()) {
                lines.addCell(cell(line.description(), BODY, Element.ALIGN_LEFT));
                lines.addCell(cell(line.amount().withCode(), BODY, Element.ALIGN_RIGHT));
            }
            lines.addCell(cell("Subtotal", BOLD, Element.ALIGN_RIGHT));
            lines.addCell(cell(i.subtotal().withCode(), BODY, Element.ALIGN_RIGHT));
            for (TaxLine tax : i.taxes()) {
                lines.addCell(cell(tax.label(), BODY, Element.ALIGN_RIGHT));
                lines.addCell(cell(tax.amount().withCode(), BODY, Element.ALIGN_RIGHT));
            }
            lines.addCell(cell("Total due", TITLE, Element.ALIGN_RIGHT));
            lines.addCell(cell(i.total().withCode(), TITLE, Element.ALIGN_RIGHT));
            document.add(lines);
            space(document, 16);
            Paragraph how = new Paragraph("How to pay", HEAD);
            how.setSpacingAfter(6);
            document.add(how);
            PdfPTable bank = new PdfPTable(new float[] {30, 70});
            bank.setWidthPercentage(100);
            bank.addCell(cell("Account name", SMALL, Element.ALIGN_LEFT));
            bank.addCell(cell(i.bank().accountName(), BOLD, Element.ALIGN_LEFT));
            bank.addCell(cell("IBAN", SMALL, Element.ALIGN_LEFT));
            bank.addCell(cell(i.bank().iban(), BOLD, Element.ALIGN_LEFT));
            bank.addCell(cell("BIC", SMALL, Element.ALIGN_LEFT));
            bank.addCell(cell(i.bank().bic(), BOLD, Element.ALIGN_LEFT));
            bank.addCell(cell("Reference", SMALL, Element.ALIGN_LEFT));
            bank.addCell(cell(i.bank().reference(), BOLD, Element.ALIGN_LEFT));
            document.add(bank);
            space(document, 10);
            document.add(new Paragraph(
                    "Please pay by " + HumanTime.DOCUMENT_DAY.format(i.due())
                            + " quoting the reference. Thank you for supporting "
                            + i.foundation().name() + ".",
                    BODY));
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render invoice " + i.number(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPCell signatureBlock(String who, Sponsorship.Signature signature) {
        PdfPCell cell = new PdfPCell();
        cell.setPadding(8);
        cell.setBorderColor(new Color(0xcc, 0xd3, 0xdd));
        cell.addElement(new Paragraph(who, BOLD));
        if (signature == null) {
            cell.addElement(new Paragraph("\n______________________________", BODY));
            cell.addElement(new Paragraph("Name, title, date", SMALL));
        } else {
            cell.addElement(new Paragraph("Signed electronically by", SMALL));
            cell.addElement(new Paragraph(signature.name() + ", " + signature.title(), BOLD));
            cell.addElement(new Paragraph(HumanTime.DOCUMENT_MINUTE.format(signature.at()), BODY));
        }
        return cell;
    }

    private static void header(PdfPTable table, String... titles) {
        for (int k = 0; k < titles.length; k++) {
            PdfPCell cell = cell(titles[k], BOLD, k == titles.length - 1 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            cell.setBackgroundColor(new Color(0xee, 0xf2, 0xf7));
            table.addCell(cell);
        }
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(6);
        cell.setBorderColor(new Color(0xcc, 0xd3, 0xdd));
        return cell;
    }

    private static void space(Document document, float height) {
        Paragraph space = new Paragraph(" ", BODY);
        space.setSpacingAfter(Math.max(0, height - 10));
        document.add(space);
    }
}
