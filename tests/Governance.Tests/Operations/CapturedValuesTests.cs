using System.Linq.Expressions;
using Governance.Infrastructure.Queries;
using Governance.Meetings;
using Marten;

namespace Governance.Tests.Operations;

/// <summary>
/// What Marten would compile to a delegate on every run (a captured local, a value built or computed from one) is read
/// into constants first; the query's operators and its parameter stay as they were.
/// </summary>
public class CapturedValuesTests
{
    [Fact]
    public void every_captured_value_becomes_a_constant_and_the_query_keeps_its_shape()
    {
        var year = 2022;
        var today = new DateOnly(2022, 5, 1);
        var place = " Tyresö, kommunhuset ";
        var keys = new[] { Guid.NewGuid() };
        var query = Array.Empty<Meeting>()
            .AsQueryable()
            .Where(m =>
                m.Date >= new DateOnly(year, 1, 1)
                && m.Date <= today.AddDays(14)
                && m.Place == place.Trim()
                && m.Id.IsOneOf(keys)
            )
            .OrderBy(m => m.Date)
            .Take(year - 2016);

        var read = query.WithValuesRead().Expression;

        var found = new Found();
        found.Visit(read);
        Assert.Empty(found.Captured);
        Assert.Contains(new DateOnly(2022, 1, 1), found.Constants);
        Assert.Contains(new DateOnly(2022, 5, 15), found.Constants);
        Assert.Contains("Tyresö, kommunhuset", found.Constants);
        Assert.Contains(keys, found.Constants);
        Assert.Contains(6, found.Constants);
        // The operators and the per-row parts are the query's own.
        Assert.Equal(["Take", "OrderBy", "Where", "IsOneOf"], found.Calls);
        Assert.Equal(query.ToList(), Array.Empty<Meeting>().AsQueryable().Provider.CreateQuery<Meeting>(read).ToList());
    }

    /// <summary>What is left to compute: members of constants (captured locals) and values built at run time.</summary>
    private sealed class Found : ExpressionVisitor
    {
        public List<Expression> Captured { get; } = [];
        public List<object?> Constants { get; } = [];
        public List<string> Calls { get; } = [];

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
