using Governance.Hosting.Database;
using Governance.Municipalities;
using Governance.Tests.Support;
using Npgsql;
using Weasel.Core;
using Weasel.Storage;

namespace Governance.Tests.Hosting;

/// <summary>
/// The service reads each document from its buffered row in one piece instead of streaming it through the resumable
/// reader: what it reads is what Marten's own serializer reads, nested lists and all.
/// </summary>
public class BufferedJsonSerializerTests
{
    [Fact]
    public async Task a_document_read_from_its_row_in_one_piece_is_the_one_marten_streams()
    {
        const string json = """
            {"Id": "7a32c783-35a7-5ee2-b97f-6abb0414983b", "Code": "0140", "Name": "Nykvarn", "Version": 3,
             "Directors": [{"From": "2011-01-01", "PersonName": "Per Holmqvist"}],
             "Representatives": [{"From": "2011-01-01", "PersonName": "Bo Cederlöf"},
                                 {"From": "2015-01-01", "PersonName": "Åsa Ek"}],
             "Populations": [{"Year": 2023, "Source": "SCB", "IsSample": false, "Population": 11300}],
             "RegistryEmail": "registrator@nykvarn.se"}
            """;
        var marten = new Marten.Services.SystemTextJsonSerializer { EnumStorage = EnumStorage.AsString };
        IStorageSerializer buffered = new BufferedJsonSerializer { EnumStorage = EnumStorage.AsString };

        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select $1::jsonb, $1::jsonb, $1::jsonb", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = json });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        // The typed read, as for documents, then the read by type, as for events: two columns of one row.
        var read = await buffered.FromJsonAsync<Municipality>(reader, 0);
        var byType = (Municipality)await buffered.FromJsonAsync(typeof(Municipality), reader, 1);
        var streamed = await marten.FromJsonAsync<Municipality>(reader, 2);
        Assert.Equal(marten.ToJson(streamed), marten.ToJson(read));
        Assert.Equal(marten.ToJson(streamed), marten.ToJson(byType));
        Assert.Equal(["Bo Cederlöf", "Åsa Ek"], read.Representatives.Select(r => r.PersonName));
        Assert.Equal(11300, read.Populations.Single().Population);
    }
}
