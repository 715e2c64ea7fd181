namespace ControlPlane.Policies.Tests;

public sealed class CelLibraryTests
{
    private static readonly Cel.CelEnvironment Environment = CelLibrary.Create();

    private static CelOutcome Evaluate(string expression)
    {
        var (compiled, error) = CelExpression.Compile(Environment, expression);
        Assert.True(compiled is not null, error);
        var manifest = new Dictionary<string, object?> { ["spec"] = new Dictionary<string, object?> { ["replicas"] = 2L, ["memory"] = "16Gi" } };
        return compiled.Evaluate(new CelActivation(new Dictionary<string, object?> { ["object"] = manifest }));
    }

    [Theory]
    [InlineData("'FrAud-MM'.lowerAscii() == 'fraud-mm'")]
    [InlineData("'fraud-mm'.upperAscii() == 'FRAUD-MM'")]
    [InlineData("'  AR-1 \\t'.trim() == 'AR-1'")]
    [InlineData("'a,b,c'.split(',') == ['a', 'b', 'c']")]
    [InlineData("['a', 'b'].join('-') == 'a-b'")]
    [InlineData("['a', 'b'].join() == 'ab'")]
    [InlineData("'a.b'.replace('.', '/') == 'a/b'")]
    [InlineData("string([1, 2].size()) == '2'")]
    [InlineData("int('x'.size()) + 1 == 2")]
    [InlineData("int(string(object.spec.replicas)) == 2")]
    [InlineData("object.spec.replicas == 2")]
    public void Functions_KubernetesStringsAndSizeConversions_Work(string expression)
    {
        Assert.Equal(new CelOutcome(true, null), Evaluate(expression));
    }

    [Theory]
    [InlineData("quantity('2').compareTo(quantity('2000m')) == 0")]
    [InlineData("quantity(object.spec.memory).isGreaterThan(quantity('16G'))")]
    [InlineData("quantity('500m').isLessThan(quantity('1'))")]
    [InlineData("quantity('1Ki').asInteger() == 1024")]
    [InlineData("quantity('1e3').asInteger() == 1000")]
    [InlineData("quantity('1.5').asApproximateFloat() == 1.5")]
    [InlineData("!quantity('1.5').isInteger()")]
    [InlineData("quantity('1').add(quantity('500m')).compareTo(quantity('1.5')) == 0")]
    [InlineData("quantity('2').sub(1).asInteger() == 1")]
    [InlineData("quantity('-3').sign() == -1")]
    [InlineData("isQuantity('2Gi') && !isQuantity('2 GB')")]
    public void Functions_QuantityLite_ComparesAndConverts(string expression)
    {
        Assert.Equal(new CelOutcome(true, null), Evaluate(expression));
    }

    [Theory]
    [InlineData("quantity('two').isInteger()", "'two' is not a Kubernetes quantity")]
    [InlineData("quantity('1.5').asInteger() == 1", "is not an integer")]
    [InlineData("['a', 1].join() == ''", "join() takes a list of strings")]
    public void Functions_GivenWhatTheyCannotTake_Fail(string expression, string error)
    {
        Assert.Contains(error, Evaluate(expression).Error, StringComparison.Ordinal);
    }
}
