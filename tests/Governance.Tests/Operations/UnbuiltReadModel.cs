using Governance.Hosting.Projections;

namespace Governance.Tests.Operations;

/// <summary>
/// A store as a version adding the documents' listing finds it: its table empty, its name not in the register.
/// </summary>
internal static class UnbuiltReadModel
{
    public const string ForgetDocumentListing =
        "delete from governance.mt_doc_documentlisting; "
        + $"delete from governance.{ReadModelRegister.TableName} where projection = 'DocumentListing'";
}
