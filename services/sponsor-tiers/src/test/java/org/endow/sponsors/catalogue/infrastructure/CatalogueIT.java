package org.endow.sponsors.catalogue.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.platform.audit.AuditRecords;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.catalogue.application.ChangeCapacityCommand;
import org.endow.sponsors.catalogue.application.ChangingCapacity;
import org.endow.sponsors.catalogue.application.CloneYearCommand;
import org.endow.sponsors.catalogue.application.CloningYear;
import org.endow.sponsors.catalogue.application.ViewingCatalogue;
import org.endow.sponsors.catalogue.model.CapacityKind;
import org.endow.sponsors.catalogue.model.Catalogues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seeded 2022 catalogue on a real PostgreSQL, remaining capacity from held units, cloning a year. */
class CatalogueIT {

    static ApplicationContext context;
    static Catalogues catalogues;
    static ViewingCatalogue viewing;
    static CloningYear cloning;
    static JdbcOperations jdbc;
    static TransactionOperations<Connection> tx;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() {
        Database db = TestInfra.get().freshDatabase("sponsor_tiers_catalogue");
        context = ApplicationContext.run(Map.of(
                "datasources.default.url", db.jdbcUrl(),
                "datasources.default.username", db.username(),
                "datasources.default.password", db.password(),
                "kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers(),
                "endow.messaging.service", "sponsor-tiers-catalogue-it-" + UUID.randomUUID(),
                "endow.messaging.consumer-enabled", false,
                "micronaut.server.port", -1,
                "endow.jwt.public-key", TestInfra.get().jwtKeys().publicKeyPem()));
        catalogues = context.getBean(Catalogues.class);
        viewing = context.getBean(ViewingCatalogue.class);
        cloning = context.getBean(CloningYear.class);
        jdbc = context.getBean(JdbcOperations.class);
        tx = context.getBean(TransactionOperations.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void the_2022_packages_and_programs_are_seeded() {
        var view = viewing.year(2022);

        var prices = view.catalogue().packages().stream()
                .map(p -> p.name() + " " + p.price().minor() / 100)
                .toList();
        assertEquals(
                List.of(
                        "Visionary 150000",
                        "Sustainability 90000",
                        "Maintaining 60000",
                        "Contributing 30000",
                        "Supporting 15000",
                        "Partner 10000",
                        "Participating 3750",
                        "Associate 1500"),
                prices);
        assertEquals(
                List.of("core-development", "foundation", "packaging", "pycon-us", "pypi"),
                view.programs().stream().map(p -> p.code()).toList());
        var booth = view.catalogue().benefit("pycon-booth").orElseThrow();
        assertEquals(List.of("pycon-startup-row"), booth.conflicts());
        assertEquals(List.of("pycon-terms"), booth.clauseCodes());
        assertTrue(view.catalogue().benefit("packaging-sponsor").orElseThrow().addOn());
    }

    @Test
    void remaining_capacity_follows_the_units_held() {
        tx.executeWrite(status -> jdbc.prepareStatement(
                "insert into benefit_allocation (year, benefit_code, sponsorship_id, quantity) values (2022, 'pycon-booth', ?, 3)",
                statement -> {
                    statement.setObject(1, UUID.randomUUID());
                    return statement.executeUpdate();
                }));

        var booth = viewing.year(2022).stock().stream()
                .filter(s -> s.benefit().code().equals("pycon-booth"))
                .findFirst()
                .orElseThrow();

        assertEquals(3, booth.held());
        assertEquals(37, booth.remaining());
    }

    @Test
    void a_hard_capacity_is_not_lowered_below_what_is_held() {
        var changing = context.getBean(ChangingCapacity.class);
        tx.executeWrite(status -> jdbc.prepareStatement(
                "insert into benefit_allocation (year, benefit_code, sponsorship_id, quantity)"
                        + " values (2022, 'core-sprint-seat', ?, 2)",
                statement -> {
                    statement.setObject(1, UUID.randomUUID());
                    return statement.executeUpdate();
                }));

        var problem = assertThrows(
                ProblemException.class,
                () -> changing.change(
                        new ChangeCapacityCommand("staff-it", 2022, "core-sprint-seat", 1, CapacityKind.HARD)));
        changing.change(new ChangeCapacityCommand("staff-it", 2022, "core-sprint-seat", 6, CapacityKind.HARD));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, problem.status());
        var seat = viewing.year(2022).stock().stream()
                .filter(s -> s.benefit().code().equals("core-sprint-seat"))
                .findFirst()
                .orElseThrow();
        assertEquals(6, seat.benefit().capacity());
        assertEquals(4, seat.remaining());
    }

    @Test
    void a_year_is_cloned_once_with_everything_but_what_is_held_and_audited() {
        var cloned = cloning.cloneYear(new CloneYearCommand("staff-it", 2022, 2030));

        var original = tx.executeRead(status -> catalogues.year(2022).orElseThrow());
        var copy = tx.executeRead(status -> catalogues.year(2030).orElseThrow());
        assertEquals(original.packages(), copy.packages());
        assertEquals(original.benefits(), copy.benefits(), "with the assets each benefit asks for");
        assertTrue(copy.benefits().stream().anyMatch(b -> !b.assets().isEmpty()));
        assertEquals(original.clauses(), copy.clauses());
        assertEquals(2030, cloned.year());
        assertTrue(viewing.year(2030).stock().stream().allMatch(s -> s.held() == 0));
        var problem = assertThrows(
                ProblemException.class, () -> cloning.cloneYear(new CloneYearCommand("staff-it", 2022, 2030)));
        assertEquals(HttpStatus.CONFLICT, problem.status());
        var audit = context.getBean(AuditRecords.class).latest(10);
        assertEquals(
                1,
                audit.stream().filter(e -> e.target().equals("catalogue:2030")).count());
    }
}
