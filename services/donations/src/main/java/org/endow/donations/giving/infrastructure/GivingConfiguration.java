package org.endow.donations.giving.infrastructure;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Parameter;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.endow.donations.giving.model.GivingPolicy;
import org.endow.donations.giving.model.PaymentInstructions;
import org.endow.kernel.Money;

/** Builds the {@link GivingPolicy} from {@code endow.donations.limits.<CURRENCY>.*}. */
@Factory
class GivingConfiguration {

    @EachProperty("endow.donations.limits")
    record CurrencyLimits(@Parameter String currency, long minMinor, long maxMinor) {}

    /** Built at start, so that a wrong currency or limit stops the service instead of a donor. */
    @Context
    GivingPolicy givingPolicy(List<CurrencyLimits> limits) {
        if (limits.isEmpty()) {
            throw new IllegalStateException("endow.donations.limits names no currency: donors could give nothing");
        }
        Map<String, GivingPolicy.Limits> byCurrency = new HashMap<>();
        for (CurrencyLimits limit : limits) {
            // configuration keys arrive lower-cased; ISO codes are upper case
            String code =
                    Money.currency(limit.currency().toUpperCase(Locale.ROOT)).getCurrencyCode();
            byCurrency.put(code, new GivingPolicy.Limits(limit.minMinor(), limit.maxMinor()));
        }
        return new GivingPolicy(byCurrency);
    }

    @Singleton
    PaymentInstructions.BankDetails bankDetails(BankProperties bank) {
        return new PaymentInstructions.BankDetails(bank.accountName(), bank.iban(), bank.bic(), bank.chequeAddress());
    }
}
