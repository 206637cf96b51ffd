import BackendRedshift
import Cluster
import Foundation
import Testing
import WarehouseConformance

/// Writing the cluster's endpoint and role into dwh.cfg, and nothing else.
@Suite("Editing dwh.cfg in place")
struct ConfigFileEditorTests {
    let folder = TemporaryFolder()
    var path: String { folder.path + "/dwh.cfg" }

    static let edits = [
        ConfigFileEdit("CLUSTER", "HOST", "dwhcluster.abc.us-west-2.redshift.amazonaws.com"),
        ConfigFileEdit("CLUSTER", "DB_NAME", "dwh"),
        ConfigFileEdit("CLUSTER", "DB_USER", "dwhuser"),
        ConfigFileEdit("CLUSTER", "DB_PORT", "5439"),
        ConfigFileEdit("IAM_ROLE", "ARN", "arn:aws:iam::123456789012:role/dwhRole"),
    ]

    /// The file's bytes now.
    func contents() throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test("Set keys get new values on their own lines (spelling, spacing and quotes kept); missing ones go at the end of their section")
    func rewrite() throws {
        folder.write("dwh.cfg", """
            # my session's settings
            [cluster]
            host =   old.example.com   
            db_name: "olddb"
            DB_PASSWORD = Secr3tPassw0rd
            ; the port comes later

            [IAM_ROLE]
            # filled in by cluster create

            [DWH]
            DWH_DB_PASSWORD = Secr3tPassw0rd
            """)
        let changed = try ConfigFileEditor.write(Self.edits, to: path)
        #expect(changed == Self.edits)
        #expect(try contents() == """
            # my session's settings
            [cluster]
            host =   dwhcluster.abc.us-west-2.redshift.amazonaws.com
            db_name: "dwh"
            DB_PASSWORD = Secr3tPassw0rd
            ; the port comes later
            DB_USER = dwhuser
            DB_PORT = 5439

            [IAM_ROLE]
            # filled in by cluster create
            ARN=arn:aws:iam::123456789012:role/dwhRole

            [DWH]
            DWH_DB_PASSWORD = Secr3tPassw0rd
            """)
        // Again: nothing to change, and the file is not rewritten.
        let before = try contents()
        #expect(try ConfigFileEditor.write(Self.edits, to: path).isEmpty)
        #expect(try contents() == before)
    }

    @Test("Missing sections are added at the end, after a blank line; a file without a final newline gets one first")
    func newSections() throws {
        folder.write("dwh.cfg", "[DWH]\nDWH_DB=dwh")
        try ConfigFileEditor.write(Self.edits, to: path)
        #expect(try contents() == """
            [DWH]
            DWH_DB=dwh

            [CLUSTER]
            HOST=dwhcluster.abc.us-west-2.redshift.amazonaws.com
            DB_NAME=dwh
            DB_USER=dwhuser
            DB_PORT=5439

            [IAM_ROLE]
            ARN=arn:aws:iam::123456789012:role/dwhRole

            """)
    }

    @Test("CRLF line endings stay CRLF, on changed and added lines too; other bytes stay")
    func crlf() throws {
        folder.write("dwh.cfg", "[CLUSTER]\r\nHOST=old\r\nDB_NAME=dwh\r\n[IAM_ROLE]\r\nARN=arn:aws:iam::123456789012:role/dwhRole\r\n")
        try ConfigFileEditor.write(Self.edits, to: path)
        #expect(try contents() == "[CLUSTER]\r\nHOST=dwhcluster.abc.us-west-2.redshift.amazonaws.com\r\nDB_NAME=dwh\r\nDB_USER=dwhuser\r\nDB_PORT=5439\r\n[IAM_ROLE]\r\nARN=arn:aws:iam::123456789012:role/dwhRole\r\n")
    }

    @Test("The file keeps its permissions, and a symbolic link stays a link to the file it names")
    func permissionsAndLinks() throws {
        folder.write("real.cfg", "[CLUSTER]\nHOST=old\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.path + "/real.cfg")
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "real.cfg")
        try ConfigFileEditor.write([ConfigFileEdit("CLUSTER", "HOST", "new")], to: path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == "real.cfg")
        let real = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder.path + "/real.cfg")), as: UTF8.self)
        #expect(real == "[CLUSTER]\nHOST=new\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: folder.path + "/real.cfg")[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["dwh.cfg", "real.cfg"])
    }
}
