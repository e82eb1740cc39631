import Reports

extension Reports.RowOutcome {
    /// The report's view of one intake row: where it is, how it ended, its key, its tenant and
    /// every finding, the value of a password column left out.
    ///
    /// - Parameters:
    ///   - outcome: what intake decided; a conflict is a rejected row with the conflict flag.
    ///   - tenant: the domain prefix of the row's tenant when known (a user's resolved tenant, a
    ///     valid customer's own prefix).
    ///   - firstSeen: for a duplicate or conflict, where the key was first seen.
    init(
        _ row: IntakeRow, findings: RowFindings, outcome: RowOutcome, tenant: String?,
        firstSeen: Position? = nil
    ) {
        let entity: Entity = row.mapping.format.holdsUsers ? .user : .customer
        let key = row.text(entity == .user ? .userPrincipalName : .domainPrefix)
        let passwordColumn = row.has(.password) ? row.column(.password) : nil
        self.init(
            position: Position(file: row.file, line: row.position.line, record: row.position.record),
            kind: Kind(outcome), isConflict: outcome == .conflict, entity: entity,
            key: key.isEmpty ? nil : key, tenant: tenant,
            firstSeen: outcome == .duplicate || outcome == .conflict ? firstSeen : nil,
            findings: findings.items.map { finding in
                // Intake already leaves secrets out; this holds even for a rule that forgot.
                let isSecret = passwordColumn != nil && finding.field == passwordColumn
                return Reports.Finding(
                    code: finding.code, severity: finding.isError ? .error : .warning, field: finding.field,
                    message: finding.message, value: isSecret ? nil : finding.value)
            })
    }
}

extension Reports.RowOutcome.Kind {
    /// The report's kind of an intake outcome: `conflict` is `rejected` (flagged separately).
    init(_ outcome: RowOutcome) {
        switch outcome {
        case .create: self = .created
        case .update: self = .updated
        case .unchanged: self = .unchanged
        case .rejected, .conflict: self = .rejected
        case .duplicate: self = .duplicate
        }
    }
}
