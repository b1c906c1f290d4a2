// raw C++ driver for the Verilated attention unit (session 7 levers): random finite E4M3 q, k, v; a decode step of
// S keys (in_first on the first, in_last on the last) offered back to back; N cycles; process CPU time.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <vector>
#include "verilated.h"
#include "Vattention.h"
int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 30000;
  int keys = argc > 2 ? atoi(argv[2]) : 256;
  int two = argc > 3 ? atoi(argv[3]) : 0;
  VerilatedContext* ctx = new VerilatedContext; ctx->randReset(0);
  Vattention* top = new Vattention(ctx);
  const int QW = sizeof(top->q) / 4, KW = sizeof(top->k) / 4;
  std::vector<uint32_t> stim((QW + 2 * KW) * 64);
  uint64_t s = 1; for (auto& v : stim) { s = s * 6364136223846793005ULL + 1442695040888963407ULL; v = (uint32_t)(s >> 33) & 0x76767676u; }
  top->clk = 0; top->rst = 1; top->eval(); top->clk = 1; top->eval(); top->clk = 0; top->eval(); top->rst = 0;
  for (int i = 0; i < QW; i++) top->q[i] = stim[i];
  uint64_t sum = 0, outs = 0; long t = 0;
  auto t0 = std::chrono::steady_clock::now(); std::clock_t c0 = std::clock();
  for (long c = 0; c < n; c++) {
    const uint32_t* p = &stim[QW + (c & 63) * 2 * KW];
    top->in_valid = 1; top->in_first = t == 0; top->in_last = t == keys - 1;
    for (int i = 0; i < KW; i++) { top->k[i] = p[i]; top->v[i] = p[KW + i]; }
    top->eval();
    if (top->in_ready) t = t == keys - 1 ? 0 : t + 1;
    if (top->out_valid) { outs++; sum += top->out[0]; }
    top->clk = 1; top->eval(); top->clk = 0; if (!two) top->eval();
  }
  auto t1 = std::chrono::steady_clock::now();
  double sec = std::chrono::duration<double>(t1 - t0).count(); double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  printf("cycles %ld outs %lu sum %lu wall %.3f s cpu %.3f s cycles/cpu-s %.0f\n", n, outs, sum, sec, cpu, n / cpu);
  top->final(); delete top; delete ctx; return 0;
}
