/* TEST ONLY, NEVER SHIPPED: a stand-in for Windows' bcryptprimitives.dll,
 * for Wine older than 8.13 (Debian 12 has 8.0), which does not have it.
 * Rust's standard library (1.78 and later) takes its random numbers from
 * ProcessPrng in that DLL; every Windows 10 and 11 has it. smoke.sh builds
 * this into the throw-away Wine prefix only. ProcessPrng here asks
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
