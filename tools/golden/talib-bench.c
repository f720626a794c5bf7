/* Times TA-Lib C functions on 1,000,000 synthetic bars through TA-Lib's abstract interface, so any function can
 * be measured by name with its default optional inputs. Prints "<FUNCTION> <ns per bar>" (best of N runs).
 *
 *   ./bench-talib.sh SMA EMA RSI ...      (builds this file against the TA-Lib built by build-talib.sh)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ta_libc.h"

#define BARS 1000000
#define RUNS 20

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
    static double open[BARS], high[BARS], low[BARS], close[BARS], volume[BARS];
    static double out[3][BARS];
    static int outInt[BARS];
    unsigned long long s = 42;
    double price = 100.0;
    for (int i = 0; i < BARS; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        double r = ((double)(s >> 11) / 9007199254740992.0) - 0.5;
        open[i] = price;
        price *= 1.0 + r * 0.01;
        close[i] = price;
        high[i] = (open[i] > close[i] ? open[i] : close[i]) * 1.002;
        low[i] = (open[i] < close[i] ? open[i] : close[i]) * 0.998;
        volume[i] = 1000.0 + (double)(s >> 50);
    }
    TA_Initialize();
    for (int a = 1; a < argc; a++) {
        const TA_FuncHandle *handle;
        const TA_FuncInfo *info;
        TA_ParamHolder *params;
        if (TA_GetFuncHandle(argv[a], &handle) != TA_SUCCESS) { printf("%s unknown\n", argv[a]); continue; }
        TA_GetFuncInfo(handle, &info);
        TA_ParamHolderAlloc(handle, &params);
        for (unsigned int i = 0; i < info->nbInput; i++) {
            const TA_InputParameterInfo *in;
            TA_GetInputParameterInfo(handle, i, &in);
            if (in->type == TA_Input_Price)
                TA_SetInputParamPricePtr(params, i, open, high, low, close, volume, NULL);
            else
                TA_SetInputParamRealPtr(params, i, i == 0 ? close : high);
        }
        for (unsigned int i = 0; i < info->nbOutput; i++) {
            const TA_OutputParameterInfo *o;
            TA_GetOutputParameterInfo(handle, i, &o);
            if (o->type == TA_Output_Integer) TA_SetOutputParamIntegerPtr(params, i, outInt);
            else TA_SetOutputParamRealPtr(params, i, out[i < 3 ? i : 2]);
        }
        double best = 1e30;
        for (int r = 0; r < RUNS; r++) {
            TA_Integer beg, n;
            double t0 = now_ns();
            TA_CallFunc(params, 0, BARS - 1, &beg, &n);
            double t = now_ns() - t0;
            if (t < best) best = t;
        }
        printf("%s %.2f\n", argv[a], best / BARS);
        TA_ParamHolderFree(params);
    }
    TA_Shutdown();
    return 0;
}
