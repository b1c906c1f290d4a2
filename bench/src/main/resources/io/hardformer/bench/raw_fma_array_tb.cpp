// raw C++ driver for the Verilated fma_array (issue 18 levers): fed every cycle, in_last every K beats, N cycles;
// prints wall and process CPU time. A third argument 1 skips the falling-edge eval (the harness since session 7).
// Build: see docs/BENCHMARKS.md "Verilator at scale (issue 18)".
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <vector>
#include "verilated.h"
#include "Vfma_array.h"
int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  int k = argc > 2 ? atoi(argv[2]) : 128;
  int two = argc > 3 ? atoi(argv[3]) : 0;
  VerilatedContext* ctx = new VerilatedContext; ctx->randReset(0);
  Vfma_array* top = new Vfma_array(ctx);
  const int W = sizeof(top->x) / 4;
  std::vector<uint32_t> stim(2 * W * 1024);
  uint64_t s = 1; for (auto& v : stim) { s = s * 6364136223846793005ULL + 1442695040888963407ULL; v = (uint32_t)(s >> 33) & 0x76767676u; }
  top->clk = 0; top->rst = 1; top->eval(); top->clk = 1; top->eval(); top->clk = 0; top->eval(); top->rst = 0;
  uint64_t sum = 0, outs = 0;
  auto t0 = std::chrono::steady_clock::now(); std::clock_t c0 = std::clock();
  for (long c = 0; c < n; c++) {
    const uint32_t* p = &stim[(c & 1023) * 2 * W];
    top->in_valid = 1; top->in_last = (c % k) == k - 1;
    for (int i = 0; i < W; i++) { top->x[i] = p[i]; top->w[i] = p[W + i]; }
    top->eval();
    if (top->out_valid) { outs++; sum += top->out[0]; }
    top->clk = 1; top->eval(); top->clk = 0; if (!two) top->eval();
  }
  auto t1 = std::chrono::steady_clock::now();
  double sec = std::chrono::duration<double>(t1 - t0).count(); double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  printf("cycles %ld outs %lu sum %lu wall %.3f s cpu %.3f s cycles/cpu-s %.0f\n", n, outs, sum, sec, cpu, n / cpu);
  top->final(); delete top; delete ctx; return 0;
}
