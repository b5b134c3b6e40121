/*
 * bcryptprimitives.dll for Wine 8 (Debian 12), used only by `make check-windows`.
 *
 * Go 1.24 and later read random bytes on Windows with ProcessPrng from bcryptprimitives.dll
 * (present since Windows 10); Go's runtime stops with "bcryptprimitives.dll not found" where
 * it is missing. Wine added the DLL in Wine 9; Wine 8 lacks it. This stand-in exports the one
 * function the Go runtime needs, implemented with BCryptGenRandom and the system RNG, which
 * Wine 8 has. It is installed into the private Wine prefix of the check, never shipped.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
