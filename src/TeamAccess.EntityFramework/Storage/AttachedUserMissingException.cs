using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TeamAccess.EntityFramework.Migrations;

namespace TeamAccess.EntityFramework;

/// <summary>Rolls a commit back whose membership names a user deleted since the writer read it; answered NotFound.</summary>
internal sealed class AttachedUserMissingException : Exception
{
    public AttachedUserMissingException()
        : base("A membership names a user that no longer exists.")
    {
    }
}
