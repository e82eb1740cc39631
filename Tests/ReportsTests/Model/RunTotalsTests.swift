import Reports
import Testing

struct RunTotalsTests {
    private func row(
        _ kind: RowOutcome.Kind, _ entity: RowOutcome.Entity, conflict: Bool = false, warnings: Int = 0
    )
        -> RowOutcome
    {
        RowOutcome(
            position: .init(file: "f.csv", line: 2, record: 2), kind: kind, isConflict: conflict,
            entity: entity,
            findings: Array(repeating: Finding(code: "w", severity: .warning, message: "m"), count: warnings))
    }

    @Test func everyRowCountsUnderExactlyOneKindAndRowsAreCustomersPlusUsers() {
        let rows = [
            row(.created, .customer), row(.updated, .customer), row(.created, .user), row(.unchanged, .user),
            row(.rejected, .user, conflict: true), row(.duplicate, .customer),
            row(.rejected, .customer, warnings: 2),
        ]
        let totals = RunTotals(outcomes: rows, runWarnings: 1)
        #expect(
            totals.rows.total == rows.count, "rows = created + updated + unchanged + rejected + duplicate")
        #expect(totals.customers.total == 4 && totals.users.total == 3, "customers and users")
        #expect(totals.rows.rejected == 2 && totals.conflicts == 1, "a conflict counts under rejected")
        #expect(totals.warnings == 3, "two row warnings plus one run warning")
        #expect(totals.isConsistent, "the sum rules hold")
        #expect(totals.rowsNeedingAttention == 3, "rejected plus duplicate")
    }

    @Test func totalsThatDoNotAddUpAreCaught() {
        var totals = RunTotals(outcomes: [row(.created, .user)])
        #expect(totals.isConsistent, "tallied totals add up")
        totals.rows.created += 1
        #expect(!totals.isConsistent, "rows no longer equal customers plus users")
        totals = RunTotals(outcomes: [row(.created, .user)])
        totals.conflicts = 1
        #expect(!totals.isConsistent, "a conflict without a rejected row")
    }
}
