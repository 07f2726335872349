// The namespaces nearly every slice uses: the Critter Stack, validation, sign-in and the problem answers.
global using System.Security.Claims;
global using FluentValidation;
global using Governance.Infrastructure.Problems;
global using Governance.Infrastructure.Queries;
global using Governance.Infrastructure.Security;
global using Governance.Infrastructure.Time;
global using Marten;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Wolverine.Http;
global using Wolverine.Marten;
