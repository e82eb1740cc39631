import GRDB
import OnboardCore

/// A tenant's recorded disaster-recovery set-up in the store: names and steps, never a secret (the
/// core's ``RecoveryRecord`` has none to give).
enum StoredRecovery {
    static func fetch(_ db: Database, tenant: DomainPrefix) throws -> RecoveryRecord? {
        let statement = try db.cachedStatement(
            sql: """
                SELECT r.resource_group, r.vault, r.configuration_server, r.vcenter_account_user_name,
                    r.virtual_machine_account_user_name, r.vcenter_host, r.vcenter_port, r.completed_steps
                FROM recovery_record r JOIN tenant t ON t.id = r.tenant_id WHERE t.prefix = ?
                """)
        guard let row = try Row.fetchOne(statement, arguments: [tenant.rawValue]) else { return nil }
        let stepNames = (row[7] as String).split(separator: ",").map(String.init)
        let steps = try stepNames.map { name in
            guard let step = RecoveryStep(rawValue: name) else {
                throw DirectoryError.permanent(
                    reason: "the store holds an unknown recovery step \"\(name)\" for tenant \(tenant)")
            }
            return step
        }
        return RecoveryRecord(
            tenant: tenant, resourceGroup: row[0], vault: row[1], configurationServer: row[2],
            vCenterAccountUserName: row[3], virtualMachineAccountUserName: row[4],
            vCenter: VCenterRegistration(host: row[5], port: row[6]), completedSteps: steps)
    }

    /// Saves `record` for the tenant with row id `tenantID`, replacing an earlier one.
    static func save(_ db: Database, _ record: RecoveryRecord, tenantID: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO recovery_record (tenant_id, resource_group, vault, configuration_server,
                    vcenter_account_user_name, virtual_machine_account_user_name, vcenter_host, vcenter_port,
                    completed_steps)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET resource_group = excluded.resource_group,
                    vault = excluded.vault, configuration_server = excluded.configuration_server,
                    vcenter_account_user_name = excluded.vcenter_account_user_name,
                    virtual_machine_account_user_name = excluded.virtual_machine_account_user_name,
                    vcenter_host = excluded.vcenter_host, vcenter_port = excluded.vcenter_port,
                    completed_steps = excluded.completed_steps
                """
        ).execute(
            arguments: [
                tenantID, record.resourceGroup, record.vault, record.configurationServer,
                record.vCenterAccountUserName, record.virtualMachineAccountUserName, record.vCenter.host,
                record.vCenter.port, record.completedSteps.map(\.rawValue).joined(separator: ","),
            ])
    }
}
