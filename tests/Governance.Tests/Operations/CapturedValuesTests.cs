using System.Linq.Expressions;
using Governance.Infrastructure.Queries;
using Marten;

namespace Governance.Tests.Operations;

/// <summary>
/// What Marten would compile to a delegate on every run (a captured local, a value built or computed from one) is read
/// into constants first; the query's operators, its parameter and its answer stay as they were.
/// </summary>
public class CapturedValuesTests
{
    private sealed record Row(Guid Id, DateOnly Date, string Place, int Items);

    private static readonly Row[] Rows =
    [
        new(Guid.NewGuid(), new DateOnly(2021, 12, 31), "Tyresö, kommunhuset", 3),
        new(Guid.NewGuid(), new DateOnly(2022, 1, 1), "Tyresö, kommunhuset", 4),
        new(Guid.NewGuid(), new DateOnly(2022, 5, 15), "Tyresö, kommunhuset", 5),
        new(Guid.NewGuid(), new DateOnly(2022, 5, 16), "Tyresö, kommunhuset", 6),
        new(Guid.NewGuid(), new DateOnly(2022, 3, 1), "Huddinge, kommunhuset", 7),
    ];

    [Fact]
    public void every_captured_value_becomes_a_constant_and_the_query_answers_the_same()
    {
        var year = 2022;
        var today = new DateOnly(2022, 5, 1);
        var place = " Tyresö, kommunhuset ";
        var keys = Rows.Select(r => r.Id).ToArray();
        var query = Rows.AsQueryable()
            .Where(r =>
                r.Date >= new DateOnly(year, 1, 1)
                && r.Date <= today.AddDays(14)
                && r.Place == place.Trim()
                && r.Id.IsOneOf(keys)
            )
            .OrderBy(r => r.Date);

        var read = query.WithValuesRead();

        var found = Found.In(read.Expression);
        Assert.Empty(found.Captured);
        Assert.Contains(new DateOnly(2022, 1, 1), found.Constants);
        Assert.Contains(new DateOnly(2022, 5, 15), found.Constants);
        Assert.Contains("Tyresö, kommunhuset", found.Constants);
        Assert.Contains(keys, found.Constants);
        Assert.Equal(["OrderBy", "Where", "IsOneOf"], found.Calls);
        Assert.Equal([Rows[1], Rows[2]], read.ToList());
        Assert.Equal(query.ToList(), read.ToList());
    }

    [Fact]
    public void query_operators_calls_on_nothing_and_failures_are_left_as_they_are()
    {
        var counts = new[] { 4, 5 };
        int? none = null;
        var query = Rows.AsQueryable()
            .Where(r => r.Items > counts.Count() && r.Items != none.GetValueOrDefault());

        var read = query.WithValuesRead();

        // LINQ's Count is the query's to run; a call on a null value is not made here (Marten reads it as it did).
        Assert.Equal(["Where", "Count", "GetValueOrDefault"], Found.In(read.Expression).Calls);
        Assert.Equal(query.ToList(), read.ToList());
        // A value that cannot be built fails with its own exception, not reflection's wrapper.
        var year = 0;
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Rows.AsQueryable().Where(r => r.Date >= new DateOnly(year, 1, 1)).WithValuesRead()
        );
    }

    /// <summary>What is left to compute: members of constants (captured locals) and values built at run time.</summary>
    private sealed class Found : ExpressionVisitor
    {
        public List<Expression> Captured { get; } = [];
        public List<object?> Constants { get; } = [];
        public List<string> Calls { get; } = [];

        public static Found In(Expression expression)
        {
            var found = new Found();
            found.Visit(expression);
            return found;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is null or ConstantExpression)
                Captured.Add(node);
            return base.VisitMember(node);
        }

        protected override Expression VisitNew(NewExpression node)
        {
            Captured.Add(node);
            return base.VisitNew(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            Constants.Add(node.Value);
            return base.VisitConstant(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Calls.Add(node.Method.Name);
            return base.VisitMethodCall(node);
        }
    }
}
